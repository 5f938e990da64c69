using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Web.Pages.Admin.Strategie;

internal static class StrategyErrors
{
    /// <summary>Puts each error of a save beside its field (<c>Input.{Field}</c>), in German.</summary>
    public static void AddTo(this SaveResult result, ModelStateDictionary modelState, IStringLocalizer<StrategyResource> text)
    {
        foreach (var (field, error) in result.Errors)
        {
            modelState.AddModelError(field.Length == 0 ? string.Empty : $"Input.{field}", text[$"Error.{field}.{error}"]);
        }
    }
}
