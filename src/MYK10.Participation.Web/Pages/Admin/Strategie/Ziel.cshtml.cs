using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Strategie;

public sealed class ZielModel(StrategyStore strategy, StrategyService service, ReferenceStore reference, IStringLocalizer<StrategyResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        Fields = await reference.FieldsOfActionAsync();
        if (id is { } existing)
        {
            var goal = await strategy.GoalAsync(existing);
            if (goal is null)
            {
                return NotFound();
            }

            Input = new InputModel { FieldId = goal.FieldId, Title = goal.Title, Description = goal.Description, Position = goal.Position };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        var result = await service.SaveGoalAsync(id, new GoalInput(Input.FieldId, Input.Title, Input.Description, Input.Position), User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage("/Admin/Strategie/Index", new { hinweis = "gespeichert" });
        }

        if (result.Errors.ContainsKey(string.Empty))
        {
            return NotFound();
        }

        result.AddTo(ModelState, text);
        Fields = await reference.FieldsOfActionAsync();
        return Page();
    }

    public sealed class InputModel
    {
        public string? FieldId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public long Position { get; set; }
    }
}
