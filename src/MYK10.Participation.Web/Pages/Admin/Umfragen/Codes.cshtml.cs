using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>
/// Generates invitation codes. Only their hashes are stored, so the codes are shown (or downloaded) in the response to
/// the POST that made them, not after a redirect: reloading cannot show them again.
/// </summary>
public sealed class CodesModel(SurveyStore surveys, InvitationCodes codes, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Survey Survey { get; private set; } = null!;

    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public (long Total, long Used) Counts { get; private set; }

    public string AnswerUrl => $"{Request.Scheme}://{Request.Host}{Url.Page("/Umfragen/Teilnehmen", new { id = Survey.Id })}";

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        if (!Valid())
        {
            return Page();
        }

        NewCodes = await codes.GenerateAsync(id, Input.Count, User.Actor(), HttpContext.RequestAborted);
        Counts = await codes.CountAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCsvAsync(long id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        if (!Valid())
        {
            return Page();
        }

        var generated = await codes.GenerateAsync(id, Input.Count, User.Actor(), HttpContext.RequestAborted);
        var csv = new StringBuilder("Nr.;Code;Adresse\r\n");
        for (var i = 0; i < generated.Count; i++)
        {
            csv.Append(i + 1).Append(';').Append(generated[i]).Append(';').Append(AnswerUrl).Append("\r\n");
        }

        return File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"umfrage-{id}-codes.csv");
    }

    private bool Valid()
    {
        // A number that did not bind ("abc", "", too big) leaves the default in Count: that is no answer to the question.
        var key = $"{nameof(Input)}.{nameof(Input.Count)}";
        var unreadable = ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
        if (!unreadable && Input.Count is >= 1 and <= InvitationCodes.MaxPerBatch)
        {
            return true;
        }

        ModelState.Remove(key);
        ModelState.AddModelError(key, text["Codes.Invalid"]);
        return false;
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var survey = await surveys.FindAsync(id, HttpContext.RequestAborted);
        if (survey is null)
        {
            return NotFound();
        }

        Survey = survey;
        Counts = await codes.CountAsync(id, HttpContext.RequestAborted);
        return null;
    }

    public sealed class InputModel
    {
        public int Count { get; set; } = 50;
    }
}
