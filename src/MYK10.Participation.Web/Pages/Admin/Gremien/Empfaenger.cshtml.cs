using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;
using MYK10.Participation.Mail;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class EmpfaengerModel(CouncilStore councils, IStringLocalizer<DigestsResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    [FromQuery(Name = "anzahl")]
    public int[]? Counts { get; set; }

    public Council Council { get; private set; } = null!;

    public IReadOnlyList<CouncilRecipient> Recipients { get; private set; } = [];

    public string? NoticeText => Notice switch
    {
        "hinzugefuegt" => text["Recipients.Added"].Value,
        "importiert" when Counts is [var added, var skipped] => text["Recipients.Imported", added, skipped].Value,
        "entfernt" => text["Recipients.Removed"].Value,
        "geaendert" => text["Recipients.Changed"].Value,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        var name = Input.Name?.Trim() ?? string.Empty;
        var email = Input.Email?.Trim() ?? string.Empty;
        if (name.Length is 0 or > RecipientImport.MaxNameLength)
        {
            ModelState.AddModelError("Input.Name", text["Recipients.NameRequired"]);
        }

        if (!MailAddresses.IsDeliverable(email))
        {
            ModelState.AddModelError("Input.Email", text["Recipients.EmailInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await councils.AddRecipientAsync(id, name, email, User.Actor()) == RecipientAddResult.Duplicate)
        {
            ModelState.AddModelError("Input.Email", text["Recipients.Duplicate"]);
            return Page();
        }

        return RedirectToPage(new { id, hinweis = "hinzugefuegt" });
    }

    public async Task<IActionResult> OnPostImportAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        var list = Input.List ?? string.Empty;
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > RecipientImport.MaxFileBytes)
            {
                ModelState.AddModelError("Input.File", text["Recipients.FileTooLarge"]);
                return Page();
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            list = RecipientImport.Decode(buffer.ToArray()) + "\n" + list;
        }

        var (rows, problems) = RecipientImport.Parse(list);
        foreach (var problem in problems)
        {
            ModelState.AddModelError("Input.List", text[$"Import.{problem.Error}", problem.Line, problem.Text]);
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            ModelState.AddModelError("Input.List", text["Recipients.ImportEmpty"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (added, skipped) = await councils.ImportRecipientsAsync(id, rows, User.Actor());
        return RedirectToPage(new { id, hinweis = "importiert", anzahl = new[] { added, skipped } });
    }

    // The button names the state it asks for, so a double click (or a reload of the POST) does not switch back.
    public Task<IActionResult> OnPostActivateAsync(long id, long recipientId) => SetActiveAsync(id, recipientId, true);

    public Task<IActionResult> OnPostDeactivateAsync(long id, long recipientId) => SetActiveAsync(id, recipientId, false);

    private async Task<IActionResult> SetActiveAsync(long id, long recipientId, bool active)
    {
        if (!await councils.SetRecipientActiveAsync(id, recipientId, active, User.Actor()))
        {
            return NotFound();
        }

        return RedirectToPage(new { id, hinweis = "geaendert" });
    }


    private async Task<bool> LoadAsync(long id)
    {
        Council = (await councils.FindAsync(id))!;
        if (Council is null)
        {
            return false;
        }

        Recipients = await councils.RecipientsAsync(id);
        return true;
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? List { get; set; }

        public IFormFile? File { get; set; }
    }
}
