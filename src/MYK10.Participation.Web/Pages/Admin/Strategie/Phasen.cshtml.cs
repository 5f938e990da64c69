using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Strategie;

public sealed class PhasenModel(StrategyStore strategy, StrategyService service, IStringLocalizer<StrategyResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<Phase> Phases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        Phases = await strategy.PhasesAsync();
        if (id is { } existing)
        {
            var phase = Phases.FirstOrDefault(p => p.Id == existing);
            if (phase is null)
            {
                return NotFound();
            }

            Input = new InputModel { Name = phase.Name, Description = phase.Description, CitizensCan = phase.CitizensCan, StartsOn = phase.StartsOn, EndsOn = phase.EndsOn };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        var result = await service.SavePhaseAsync(id, new PhaseInput(Input.Name, Input.Description, Input.CitizensCan, Input.StartsOn, Input.EndsOn), User.Actor());
        if (result.Succeeded)
        {
            return SavedRedirect();
        }

        if (result.Errors.ContainsKey(string.Empty))
        {
            return NotFound();
        }

        result.AddTo(ModelState, text);
        Phases = await strategy.PhasesAsync();
        return Page();
    }

    /// <summary>The id of the confirmation box in a phase's delete form; the model state key of its error, so the summary links to it.</summary>
    public static string DeleteConfirmId(long phaseId) => $"delete-phase-{phaseId}";

    /// <summary>A phase's texts are gone with it, so the form asks for a tick first.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long phaseId)
    {
        if (!Input.ConfirmDelete)
        {
            ModelState.Clear();
            ModelState.AddModelError(DeleteConfirmId(phaseId), text["Phases.DeleteConfirmRequired"]);
            Input = new InputModel();
            Phases = await strategy.PhasesAsync();
            return Page();
        }

        // A phase already gone (deleted in another tab, a second click) is reported as such, not as a change saved.
        return await service.DeletePhaseAsync(phaseId, User.Actor()) ? SavedRedirect() : LocalRedirect("~/admin/strategie/phasen?hinweis=nicht-gefunden");
    }

    // Back to the list, not to the phase just edited (its id would otherwise be carried over as an ambient route value).
    private LocalRedirectResult SavedRedirect() => LocalRedirect("~/admin/strategie/phasen?hinweis=gespeichert");

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? CitizensCan { get; set; }

        public DateOnly? StartsOn { get; set; }

        public DateOnly? EndsOn { get; set; }

        public bool ConfirmDelete { get; set; }
    }
}
