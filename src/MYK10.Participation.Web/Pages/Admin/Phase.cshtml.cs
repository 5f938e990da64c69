using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Privacy;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin;

/// <summary>The end of the participation phase: from it follow the notice mail and the deletion of all participant accounts.</summary>
public sealed class PhaseModel(PhaseStore phase, IStringLocalizer<TrustResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PhaseEnd? Current { get; private set; }

    [FromQuery(Name = "gespeichert")]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await phase.GetAsync(cancellationToken);
        if (Current is not null)
        {
            // Stored is the moment the phase ends (midnight after its last day); the form shows that last day.
            Input.EndDate = DateOnly.FromDateTime(BerlinTime.ToBerlin(Current.EndsAt).AddTicks(-1).DateTime);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Input.EndDate is not { } date)
        {
            Current = await phase.GetAsync(cancellationToken);
            return Page();
        }

        if (phase.EarliestLastDay() is var earliest && date < earliest)
        {
            ModelState.AddModelError("Input.EndDate", text["Phase.TooEarly", earliest.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            Current = await phase.GetAsync(cancellationToken);
            return Page();
        }

        if (phase.LatestLastDay() is var latest && date > latest)
        {
            ModelState.AddModelError("Input.EndDate", text["Phase.TooLate", latest.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            Current = await phase.GetAsync(cancellationToken);
            return Page();
        }

        await phase.SetAsync(PhaseStore.EndOf(date), User.Actor());
        return RedirectToPage(new { gespeichert = "set" });
    }

    public async Task<IActionResult> OnPostClearAsync()
    {
        await phase.SetAsync(null, User.Actor());
        return RedirectToPage(new { gespeichert = "cleared" });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Phase.EndDate")]
        public DateOnly? EndDate { get; set; }
    }
}
