using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Pages.Admin;

public sealed class IndexModel(OutboxStore outbox, StaffStore staff, IMailTransport transport, IStringLocalizer<SharedResource> text) : PageModel
{
    public long MailPending { get; private set; }

    public long MailFailed { get; private set; }

    public long StaffCount { get; private set; }

    /// <summary>Where mail goes, in the reader's language (the transport's own description is for the log).</summary>
    public string Transport => transport switch
    {
        PickupDirectoryMailTransport pickup => text["Admin.MailTransport.Pickup", pickup.Directory],
        SmtpMailTransport smtp => text["Admin.MailTransport.Smtp", smtp.Host, smtp.Port, smtp.Security],
        _ => transport.Description,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (MailPending, MailFailed) = await outbox.BacklogAsync(cancellationToken);
        StaffCount = await staff.CountAsync();
    }
}
