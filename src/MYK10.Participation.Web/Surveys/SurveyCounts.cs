using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MYK10.Participation.Web.Surveys;

/// <summary>Counts of a survey's responses in words, singular for one ("1 Teilnahme", "1 von 4 Teilnehmenden hat …").</summary>
public static class SurveyCounts
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Responses(IStringLocalizer<SurveysResource> text, long value) =>
        value == 1 ? text["Results.ResponsesOne"].Value : text["Results.Responses", Count(value)].Value;

    public static string AnsweredBy(IStringLocalizer<SurveysResource> text, long answered, long responses) =>
        text[answered == 1 ? "Results.AnsweredByOne" : "Results.AnsweredBy", Count(answered), Count(responses)].Value;
}
