using System.Globalization;

namespace MYK10.Participation.Surveys;

/// <summary>
/// A validation error of an answer. <see cref="Code"/> names the message (the site shows it in German, with an
/// English twin); <see cref="Item"/> points to the field ('' for the question itself).
/// </summary>
public sealed record AnswerError(long QuestionId, string Item, string Code, params string[] Args);

public static class AnswerErrors
{
    public const string Required = "Required";
    public const string InvalidOption = "InvalidOption";
    public const string MinSelections = "MinSelections";
    public const string MaxSelections = "MaxSelections";
    public const string OtherText = "OtherText";
    public const string Number = "Number";
    public const string Integer = "Integer";
    public const string Min = "Min";
    public const string Max = "Max";
    public const string Date = "Date";
    public const string TooLong = "TooLong";
    public const string MatrixRow = "MatrixRow";
    public const string RankDuplicate = "RankDuplicate";
    public const string RankIncomplete = "RankIncomplete";
    public const string Consent = "Consent";
}

/// <summary>Checks answers against their questions and brings values to their stored form.</summary>
public static class AnswerValidator
{
    /// <summary>Default maximum lengths of free texts when the question sets none.</summary>
    public const int ShortTextMax = 200;
    public const int LongTextMax = 4000;

    /// <summary>
    /// Validates the answers to the visible questions of <paramref name="questions"/>. Returns the errors; the
    /// normalised values (numbers with a point, dates as yyyy-MM-dd) replace the raw ones in <paramref name="answers"/>.
    /// </summary>
    public static IReadOnlyList<AnswerError> Validate(IEnumerable<Question> questions, AnswerSet answers)
    {
        var errors = new List<AnswerError>();
        foreach (var question in questions.Where(q => q.TakesAnswer))
        {
            var items = answers.Get(question.Id);
            var normalised = new Dictionary<string, string>(items.ToDictionary(), StringComparer.Ordinal);
            ValidateOne(question, normalised, errors);
            answers.Set(question.Id, normalised);
        }

        return errors;
    }

    private static void ValidateOne(Question question, Dictionary<string, string> items, List<AnswerError> errors)
    {
        var s = question.Settings;
        void Error(string code, string item = "", params string[] args) => errors.Add(new AnswerError(question.Id, item, code, args));

        if (items.Count == 0)
        {
            if (question.Required)
            {
                Error(question.Kind == QuestionKind.Consent ? AnswerErrors.Consent : AnswerErrors.Required);
            }

            return;
        }

        items.TryGetValue("", out var value);
        switch (question.Kind)
        {
            case QuestionKind.Single:
            case QuestionKind.Dropdown:
                if (items.Count != 1 || value is null || s.OptionLabel(value) is null)
                {
                    items.Clear();
                    Error(AnswerErrors.InvalidOption);
                }

                break;
            case QuestionKind.YesNo:
                if (items.Count != 1 || value is not ("yes" or "no"))
                {
                    items.Clear();
                    Error(AnswerErrors.InvalidOption);
                }

                break;
            case QuestionKind.Consent:
                if (items.Count != 1 || value != "1")
                {
                    items.Clear();
                    Error(AnswerErrors.Consent);
                }

                break;
            case QuestionKind.Rating:
                if (items.Count != 1 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating < 1 || rating > s.ScaleMax)
                {
                    items.Clear();
                    Error(AnswerErrors.InvalidOption);
                }

                break;
            case QuestionKind.Multiple:
                ValidateMultiple(question, items, Error);
                break;
            case QuestionKind.Matrix:
                foreach (var key in items.Keys.ToList())
                {
                    var row = s.Rows.FirstOrDefault(r => r.Key == key);
                    if (row is null || !int.TryParse(items[key], NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1 || v > s.Scale.Count)
                    {
                        items.Remove(key);
                        Error(AnswerErrors.InvalidOption, key);
                    }
                }

                if (question.Required)
                {
                    foreach (var row in s.Rows.Where(r => !items.ContainsKey(r.Key)))
                    {
                        Error(AnswerErrors.MatrixRow, row.Key, row.Label);
                    }
                }

                break;
            case QuestionKind.Ranking:
                ValidateRanking(question, items, Error);
                break;
            case QuestionKind.Number:
                var text = (value ?? string.Empty).Replace(" ", "", StringComparison.Ordinal);
                // German users write a decimal comma; a point is accepted too. Thousands separators are not.
                if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    // The number message's example ("12 oder 3,5") would invite a decimal that a whole-number question refuses.
                    Error(s.IntegerOnly ? AnswerErrors.Integer : AnswerErrors.Number);
                }
                else if (s.IntegerOnly && number != decimal.Truncate(number))
                {
                    Error(AnswerErrors.Integer);
                }
                else if (s.Min is { } min && number < min)
                {
                    Error(AnswerErrors.Min, "", FormatNumber(min));
                }
                else if (s.Max is { } max && number > max)
                {
                    Error(AnswerErrors.Max, "", FormatNumber(max));
                }
                else
                {
                    items[""] = NormaliseNumber(number);
                    return;
                }

                break;
            case QuestionKind.Date:
                if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    items[""] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                else
                {
                    Error(AnswerErrors.Date);
                }

                break;
            case QuestionKind.ShortText:
            case QuestionKind.LongText:
                var limit = s.MaxLength ?? (question.Kind == QuestionKind.ShortText ? ShortTextMax : LongTextMax);
                if (value is null)
                {
                    items.Clear();
                    if (question.Required)
                    {
                        Error(AnswerErrors.Required);
                    }
                }
                else if (value.Length > limit)
                {
                    Error(AnswerErrors.TooLong, "", limit.ToString(CultureInfo.InvariantCulture));
                }

                break;
        }
    }

    private static void ValidateMultiple(Question question, Dictionary<string, string> items, Action<string, string, string[]> error)
    {
        var s = question.Settings;
        foreach (var key in items.Keys.ToList())
        {
            if (key == QuestionSettings.OtherItem ? !s.AllowOther : s.OptionLabel(key) is null)
            {
                items.Remove(key);
                error(AnswerErrors.InvalidOption, "", []);
            }
        }

        if (items.TryGetValue(QuestionSettings.OtherItem, out var other))
        {
            if (other.Length == 0)
            {
                error(AnswerErrors.OtherText, QuestionSettings.OtherItem, []);
            }
            else if (other.Length > ShortTextMax)
            {
                error(AnswerErrors.TooLong, QuestionSettings.OtherItem, [ShortTextMax.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        var count = items.Count;
        if (count == 0 && question.Required)
        {
            error(AnswerErrors.Required, "", []);
        }
        else if (count > 0 && s.MinSelections is { } min && count < min)
        {
            error(AnswerErrors.MinSelections, "", [min.ToString(CultureInfo.InvariantCulture)]);
        }
        else if (s.MaxSelections is { } max && count > max)
        {
            error(AnswerErrors.MaxSelections, "", [max.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static void ValidateRanking(Question question, Dictionary<string, string> items, Action<string, string, string[]> error)
    {
        var options = question.Settings.Options;
        var ranks = new HashSet<int>();
        foreach (var (key, value) in items.ToList())
        {
            if (question.Settings.OptionLabel(key) is null
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > options.Count)
            {
                items.Remove(key);
                error(AnswerErrors.InvalidOption, key, []);
                continue;
            }

            if (!ranks.Add(rank))
            {
                error(AnswerErrors.RankDuplicate, key, []);
                return;
            }
        }

        // A ranking is given completely or not at all: a partial order cannot be averaged fairly.
        if (items.Count > 0 && items.Count < options.Count)
        {
            error(AnswerErrors.RankIncomplete, options.First(o => !items.ContainsKey(o.Key)).Key, []);
        }
    }

    public static string NormaliseNumber(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }

    private static string FormatNumber(decimal number) => NormaliseNumber(number).Replace('.', ',');
}

/// <summary>The outcome of checking answers: what is shown, the answers kept (normalised, hidden ones dropped) and the errors.</summary>
public sealed record SurveyCheck(Visibility Visibility, IReadOnlyList<AnswerError> Errors)
{
    public AnswerSet Answers => Visibility.Answers;
}

public static class SurveyValidation
{
    /// <summary>
    /// Normalises the answers, evaluates the conditions on the normalised values, drops answers to hidden questions and
    /// validates the visible questions within <paramref name="scope"/> (all when null). Hidden questions are never required.
    /// </summary>
    public static SurveyCheck Check(SurveyDefinition definition, AnswerSet answers, Func<Question, bool>? scope = null)
    {
        // Conditions compare normalised values ("61,0" is 61), but an invalid answer stays as given so that it is reported.
        var normalised = answers.Clone();
        var invalid = AnswerValidator.Validate(definition.Questions, normalised).Select(e => e.QuestionId).ToHashSet();
        foreach (var questionId in invalid.Where(answers.Has))
        {
            normalised.Set(questionId, answers.Get(questionId));
        }

        var visibility = ConditionEvaluator.Evaluate(definition, normalised);
        var errors = AnswerValidator.Validate(definition.Questions.Where(q => visibility.IsVisible(q) && (scope?.Invoke(q) ?? true)), visibility.Answers);
        return new SurveyCheck(visibility, errors);
    }
}
