using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Digests;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

/// <summary>Removing a recipient also removes their delivery records, so it is confirmed first.</summary>
public sealed class EmpfaengerEntfernenModel(CouncilStore councils) : PageModel
{
    public Council Council { get; private set; } = null!;

    public CouncilRecipient Recipient { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, long recipientId)
    {
        if (await councils.FindAsync(id) is not { } council || await councils.FindRecipientAsync(id, recipientId) is not { } recipient)
        {
            return NotFound();
        }

        (Council, Recipient) = (council, recipient);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long recipientId) =>
        await councils.RemoveRecipientAsync(id, recipientId, User.Actor())
            ? RedirectToPage("/Admin/Gremien/Empfaenger", new { id, hinweis = "entfernt" })
            : NotFound();
}
