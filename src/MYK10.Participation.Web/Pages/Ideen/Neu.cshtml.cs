using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

public sealed class NeuModel(IdeaService ideas, ReferenceStore reference, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public async Task OnGetAsync() => await LoadListsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Ideen/Index");
        }

        await LoadListsAsync();
        var participantId = User.ParticipantId()!.Value;
        var decision = await limits.TryAcquireAsync(RateLimitNames.Idea, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, text["New.TooMany", BerlinTime.Format(decision.RetryAt!.Value), decision.Limit]);
            return Page();
        }

        var result = await ideas.SubmitAsync(participantId, new IdeaSubmission(Input.Title, Input.Body, Input.FieldId, Input.MunicipalityId, Input.Place, Input.FormKey));
        if (!result.Succeeded)
        {
            foreach (var (field, error) in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", text[$"Error.{field}.{error}"]);
            }

            return Page();
        }

        return RedirectToPage("/Ideen/Eingereicht", new { id = result.IdeaId });
    }

    private async Task LoadListsAsync()
    {
        Municipalities = await reference.MunicipalitiesAsync();
        Fields = await reference.FieldsOfActionAsync();
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Body { get; set; }

        public string? FieldId { get; set; }

        public string? MunicipalityId { get; set; }

        public string? Place { get; set; }

        /// <summary>The form's one-time key: sent twice, the form stores one idea.</summary>
        public string? FormKey { get; set; }
    }
}
