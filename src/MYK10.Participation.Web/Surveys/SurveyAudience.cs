using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Surveys;

/// <summary>Whom a survey asks, in the list: "Für: Andernach", or for the district as a whole the words the votes use.</summary>
public static class SurveyAudience
{
    public static string Label(IStringLocalizer<SurveysResource> text, SurveySummary survey) =>
        survey.MunicipalityId == Municipality.CountyId ? text["List.AudienceCounty"].Value : text["List.Audience", survey.MunicipalityName].Value;
}
