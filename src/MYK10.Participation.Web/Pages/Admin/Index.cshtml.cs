using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Pages.Admin;

public sealed class IndexModel(OutboxStore outbox, StaffStore staff, IMailTransport transport) : PageModel
{
    public long MailPending { get; private set; }

    public long MailFailed { get; private set; }

    public long StaffCount { get; private set; }

    public string Transport => transport.Description;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (MailPending, MailFailed) = await outbox.BacklogAsync(cancellationToken);
        StaffCount = await staff.CountAsync();
    }
}
