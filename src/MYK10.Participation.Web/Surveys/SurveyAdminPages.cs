using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Surveys;

/// <summary>Small pieces the admin survey pages share: the municipality list and the outcome message after a change.</summary>
public static class SurveyAdminPages
{
    public const string DoneKey = "SurveyDone";
    public const string ProblemKey = "SurveyProblem";

    public static IReadOnlyList<SelectListItem> MunicipalityItems(IEnumerable<Municipality> municipalities) =>
        municipalities.OrderBy(m => m.IsCounty ? 0 : 1).ThenBy(m => m.Position).Select(m => new SelectListItem(m.Name, m.Id)).ToList();

    /// <summary>Leaves the German outcome of a builder call for the next page (post/redirect/get).</summary>
    public static void Report(ITempDataDictionary tempData, IStringLocalizer<SurveysResource> text, BuilderResult result, string doneKey)
    {
        if (result.Succeeded)
        {
            tempData[DoneKey] = text[doneKey].Value;
        }
        else
        {
            tempData[ProblemKey] = Problem(text, result);
        }
    }

    public static string Problem(IStringLocalizer<SurveysResource> text, BuilderResult result) => result.Status switch
    {
        BuilderStatus.Invalid => text[$"Problem.{result.Problem}"],
        _ => text["Problem.WrongState"],
    };
}
