using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Surveys;

/// <summary>A question as the answering form shows it: its answer so far and its error messages by item.</summary>
public sealed record QuestionView(Question Question, IReadOnlyDictionary<string, string> Answer, IReadOnlyDictionary<string, string> Errors)
{
    public static IReadOnlyDictionary<string, string> NoErrors { get; } = new Dictionary<string, string>();
}

/// <summary>Turning answers and errors into what people read.</summary>
public static class SurveyDisplay
{
    /// <summary>The message of an error, in the current language.</summary>
    public static string Message(IStringLocalizer<SurveysResource> text, AnswerError error) =>
        text[$"Error.{error.Code}", error.Args.Select(a => (object)a).ToArray()];

    /// <summary>Puts the errors into ModelState under the field names, so the error summary links to the fields.</summary>
    public static void AddTo(ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text, IEnumerable<AnswerError> errors)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(SurveyFields.Name(error.QuestionId, error.Item), Message(text, error));
        }
    }

    /// <summary>Error messages of one question by item, read back from ModelState.</summary>
    public static IReadOnlyDictionary<string, string> ErrorsOf(ModelStateDictionary modelState, Question question)
    {
        var prefix = SurveyFields.Name(question.Id);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            if (key == prefix)
            {
                errors[""] = entry.Errors[0].ErrorMessage;
            }
            else if (key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                errors[key[(prefix.Length + 1)..]] = entry.Errors[0].ErrorMessage;
            }
        }

        return errors;
    }

    /// <summary>
    /// The answer as lines for the review page, or empty when unanswered. Options, rows and scale steps that staff wrote
    /// are German parts (<see cref="ContentLanguage.Part"/>); yes, no and the other words of the page's own are not.
    /// </summary>
    public static IReadOnlyList<IHtmlContent> Describe(IStringLocalizer<SurveysResource> text, Question question, IReadOnlyDictionary<string, string> answer)
    {
        var s = question.Settings;
        IHtmlContent Option(string key) => ContentLanguage.Part(s.OptionLabel(key) ?? key);
        answer.TryGetValue("", out var value);
        return question.Kind switch
        {
            _ when answer.Count == 0 => [],
            QuestionKind.Single or QuestionKind.Dropdown => [Option(value ?? "")],
            QuestionKind.YesNo => [TextFormatting.Plain(value == "yes" ? text["Answer.Yes"] : text["Answer.No"])],
            QuestionKind.Consent => [TextFormatting.Plain(text["Answer.Consent"])],
            QuestionKind.Multiple => s.Options.Where(o => answer.ContainsKey(o.Key)).Select(o => ContentLanguage.Part(o.Label))
                .Concat(answer.TryGetValue(QuestionSettings.OtherItem, out var other) ? [TextFormatting.Plain($"{text["Answer.Other"]}: {other}")] : []).ToList(),
            QuestionKind.Matrix => s.Rows.Where(r => answer.ContainsKey(r.Key))
                .Select(r => (IHtmlContent)new HtmlFormattableString("{0}: {1}", ContentLanguage.Part(r.Label), ContentLanguage.Part(Scale(s, answer[r.Key])))).ToList(),
            QuestionKind.Ranking => s.Options.Where(o => answer.ContainsKey(o.Key)).OrderBy(o => int.Parse(answer[o.Key], CultureInfo.InvariantCulture))
                .Select(o => (IHtmlContent)new HtmlFormattableString("{0}. {1}", answer[o.Key], ContentLanguage.Part(o.Label))).ToList(),
            QuestionKind.Number => [TextFormatting.Plain(value?.Replace('.', CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator[0]) ?? "")],
            QuestionKind.Date => [TextFormatting.Plain(DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("d", CultureInfo.CurrentCulture) : value ?? "")],
            _ => [TextFormatting.Plain(value ?? "")],
        };
    }

    /// <summary>
    /// For example: F3 „Leben Kinder in Ihrem Haushalt?“ ist gleich Ja. The question, its row and its options are German
    /// parts (<see cref="ContentLanguage.Part"/>) in the admin's language.
    /// </summary>
    public static IHtmlContent DescribeCondition(IStringLocalizer<SurveysResource> text, SurveyDefinition definition, Condition condition)
    {
        var source = definition.Find(condition.SourceQuestionId);
        if (source is null)
        {
            return HtmlString.Empty;
        }

        var number = definition.QuestionNumbers().GetValueOrDefault(source.Id);
        var row = source.Kind == QuestionKind.Matrix ? source.Settings.Rows.FirstOrDefault(r => r.Key == condition.Item)?.Label : null;
        IHtmlContent Value(string v) => source.Kind switch
        {
            QuestionKind.YesNo => new HtmlContentBuilder().Append(v == "yes" ? text["Answer.Yes"].Value : text["Answer.No"].Value),
            QuestionKind.Matrix => ContentLanguage.Part(Scale(source.Settings, v)),
            QuestionKind.Multiple when v == QuestionSettings.OtherItem => new HtmlContentBuilder().Append(text["Answer.Other"].Value),
            _ => ContentLanguage.Part(source.Settings.OptionLabel(v) ?? v.Replace('.', ',')),
        };
        var description = new HtmlContentBuilder()
            .Append(text["Question.Label", number]).Append(" ")
            .AppendHtml(ContentLanguage.Sentence(text["Question.Quoted"], ContentLanguage.Part(source.Text)));
        if (row is not null)
        {
            description.Append(" – ").AppendHtml(ContentLanguage.Part(row));
        }

        description.Append(" ").Append(text[$"Op.{condition.Operator.ToText()}"]);
        if (condition.Operator is not (ConditionOperator.Answered or ConditionOperator.NotAnswered))
        {
            description.Append(" ");
            for (var i = 0; i < condition.Values.Count; i++)
            {
                description.Append(i > 0 ? "; " : "").AppendHtml(Value(condition.Values[i]));
            }
        }

        return TextFormatting.Finished(description);
    }

    private static string Scale(QuestionSettings settings, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var step) && step >= 1 && step <= settings.Scale.Count ? settings.Scale[step - 1] : value;

    /// <summary>
    /// The length of an answer's bar in a ranking question, from its average rank among <paramref name="places"/>: rank 1
    /// a full bar, the last place the shortest. A smaller rank is the more important answer, so it gets the longer bar;
    /// the average itself would have drawn the least important answer longest.
    /// </summary>
    public static decimal RankShare(decimal? averageRank, int places) =>
        averageRank is { } rank && places > 0 ? (places + 1 - rank) / places : 0;

    /// <summary>An average beside others (a chart, a column): always two decimals, so that "2,50" lines up with "2,07".</summary>
    public static string Average(decimal? value) => value?.ToString("0.00", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A number for display in the current culture ("3,5").</summary>
    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "";
}
