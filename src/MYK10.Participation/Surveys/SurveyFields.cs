using System.Globalization;

namespace MYK10.Participation.Surveys;

/// <summary>
/// The names of the form fields of a question, and reading a posted form into answers. Only the fields of the
/// questions given are read: anything else that is posted is ignored.
/// </summary>
public static class SurveyFields
{
    /// <summary>"q12" for the question, "q12.r3" for an item of it (matrix row, ranking option, "Sonstiges" text).</summary>
    public static string Name(long questionId, string item = "") =>
        item.Length == 0 ? $"q{questionId.ToString(CultureInfo.InvariantCulture)}" : $"q{questionId.ToString(CultureInfo.InvariantCulture)}.{item}";

    /// <summary>
    /// The HTML id of the field, or of the first input of a group: the name with '.' as '_', which is the id an error
    /// summary links to for the same name (ASP.NET Core's GenerateIdFromName).
    /// </summary>
    public static string Id(long questionId, string item = "") => Name(questionId, item).Replace('.', '_');

    /// <summary>Reads the answers to <paramref name="questions"/> from posted values; values are trimmed, empty ones dropped.</summary>
    public static AnswerSet Read(IEnumerable<Question> questions, Func<string, IReadOnlyList<string>> form)
    {
        var answers = new AnswerSet();
        foreach (var question in questions)
        {
            answers.Set(question.Id, ReadOne(question, form));
        }

        return answers;
    }

    private static Dictionary<string, string> ReadOne(Question question, Func<string, IReadOnlyList<string>> form)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        string? First(string item = "") => form(Name(question.Id, item)).Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0);

        switch (question.Kind)
        {
            case QuestionKind.Info:
                break;
            case QuestionKind.Multiple:
                foreach (var key in form(Name(question.Id)).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal))
                {
                    items[key] = "1";
                }

                if (question.Settings.AllowOther && First(QuestionSettings.OtherItem) is { } other)
                {
                    items[QuestionSettings.OtherItem] = other;
                }
                else if (items.ContainsKey(QuestionSettings.OtherItem))
                {
                    // "Sonstiges" ticked without a text: kept as an empty marker so validation can ask for the text.
                    items[QuestionSettings.OtherItem] = string.Empty;
                }

                break;
            case QuestionKind.Matrix:
                foreach (var row in question.Settings.Rows)
                {
                    if (First(row.Key) is { } value)
                    {
                        items[row.Key] = value;
                    }
                }

                break;
            case QuestionKind.Ranking:
                foreach (var option in question.Settings.Options)
                {
                    if (First(option.Key) is { } value)
                    {
                        items[option.Key] = value;
                    }
                }

                break;
            case QuestionKind.LongText:
                // Keep the inner line breaks, normalised.
                if (First() is { } text)
                {
                    items[""] = text.Replace("\r\n", "\n", StringComparison.Ordinal);
                }

                break;
            default:
                if (First() is { } single)
                {
                    items[""] = single;
                }

                break;
        }

        return items;
    }
}
