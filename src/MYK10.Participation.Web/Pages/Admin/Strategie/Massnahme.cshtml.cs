using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Strategie;

public sealed class MassnahmeModel(StrategyStore strategy, StrategyService service, ReferenceStore reference, IStringLocalizer<StrategyResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StrategyField> Structure { get; private set; } = [];

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, long? ziel)
    {
        await LoadListsAsync();
        if (id is { } existing)
        {
            var measure = await strategy.MeasureAsync(existing);
            if (measure is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                GoalId = measure.GoalId,
                Title = measure.Title,
                Description = measure.Description,
                LeadOrganisation = measure.LeadOrganisation,
                CostEuros = measure.CostEuros?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TimeFrame = measure.TimeFrame,
                Status = measure.Status,
                Position = measure.Position,
                MunicipalityIds = [.. await strategy.MunicipalityIdsAsync(existing)],
            };
        }
        else
        {
            Input.GoalId = ziel;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        long? cost = null;
        if (!string.IsNullOrWhiteSpace(Input.CostEuros))
        {
            var digits = Input.CostEuros.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Trim();
            if (long.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                cost = parsed;
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CostEuros)}", text["Error.CostEuros.Format"]);
            }
        }

        if (ModelState.IsValid)
        {
            var result = await service.SaveMeasureAsync(id, new MeasureInput(Input.GoalId, Input.Title, Input.Description, Input.LeadOrganisation, cost,
                Input.TimeFrame, Input.Status, Input.MunicipalityIds, Input.Position, Input.StatusNote), User.Actor());
            if (result.Succeeded)
            {
                return RedirectToPage("/Admin/Strategie/Index", new { hinweis = "gespeichert" });
            }

            if (result.Errors.ContainsKey(string.Empty))
            {
                return NotFound();
            }

            result.AddTo(ModelState, text);
        }

        await LoadListsAsync();
        return Page();
    }

    private async Task LoadListsAsync()
    {
        Structure = await strategy.StructureAsync();
        Municipalities = await reference.MunicipalitiesAsync();
    }

    public sealed class InputModel
    {
        public long? GoalId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? LeadOrganisation { get; set; }

        public string? CostEuros { get; set; }

        public string? TimeFrame { get; set; }

        public string? Status { get; set; } = MeasureStatuses.Draft;

        public string? StatusNote { get; set; }

        public long Position { get; set; }

        public List<string> MunicipalityIds { get; set; } = [];
    }
}
