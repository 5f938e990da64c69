using System.Text.Json;
using System.Text.Json.Serialization;

namespace MYK10.Participation.Surveys;

public enum SurveyMode
{
    Open,
    Verified,
    Codes,
}

public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
    Archived,
}

public enum QuestionKind
{
    Single,
    Dropdown,
    Multiple,
    YesNo,
    Rating,
    Matrix,
    Ranking,
    Number,
    Date,
    ShortText,
    LongText,
    Consent,
    Info,
}

public enum ConditionOperator
{
    EqualTo,
    NotEqualTo,
    AnyOf,
    NoneOf,
    GreaterThan,
    LessThan,
    Answered,
    NotAnswered,
}

/// <summary>How the conditions of a page or question combine.</summary>
public enum ConditionMode
{
    All,
    Any,
}

/// <summary>The text forms of the enums as stored in SQL.</summary>
public static class SurveyText
{
    private static readonly TextMap<QuestionKind> Kinds = new(
        (QuestionKind.Single, "single"), (QuestionKind.Dropdown, "dropdown"), (QuestionKind.Multiple, "multiple"),
        (QuestionKind.YesNo, "yesno"), (QuestionKind.Rating, "rating"), (QuestionKind.Matrix, "matrix"),
        (QuestionKind.Ranking, "ranking"), (QuestionKind.Number, "number"), (QuestionKind.Date, "date"),
        (QuestionKind.ShortText, "short_text"), (QuestionKind.LongText, "long_text"), (QuestionKind.Consent, "consent"),
        (QuestionKind.Info, "info"));

    private static readonly TextMap<ConditionOperator> Operators = new(
        (ConditionOperator.EqualTo, "equals"), (ConditionOperator.NotEqualTo, "not_equals"), (ConditionOperator.AnyOf, "any_of"),
        (ConditionOperator.NoneOf, "none_of"), (ConditionOperator.GreaterThan, "greater"), (ConditionOperator.LessThan, "less"),
        (ConditionOperator.Answered, "answered"), (ConditionOperator.NotAnswered, "not_answered"));

    public static string ToText(this QuestionKind kind) => Kinds.ToText(kind);

    public static QuestionKind ParseKind(string text) => Kinds.Parse(text);

    public static string ToText(this ConditionOperator op) => Operators.ToText(op);

    public static ConditionOperator ParseOperator(string text) => Operators.Parse(text);

    public static string ToText(this SurveyMode mode) => mode switch
    {
        SurveyMode.Open => "open",
        SurveyMode.Verified => "verified",
        SurveyMode.Codes => "codes",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static SurveyMode ParseMode(string text) => text switch
    {
        "open" => SurveyMode.Open,
        "verified" => SurveyMode.Verified,
        "codes" => SurveyMode.Codes,
        _ => throw new FormatException($"Unknown mode '{text}'."),
    };

    public static string ToText(this SurveyStatus status) => status.ToString().ToLowerInvariant();

    public static SurveyStatus ParseStatus(string text) => Enum.Parse<SurveyStatus>(text, ignoreCase: true);

    public static string ToText(this ConditionMode mode) => mode == ConditionMode.Any ? "any" : "all";

    public static ConditionMode ParseConditionMode(string text) => text == "any" ? ConditionMode.Any : ConditionMode.All;

    /// <summary>Kinds whose answers are counted per value (and shown as bar charts).</summary>
    public static bool IsCounted(this QuestionKind kind) => kind is QuestionKind.Single or QuestionKind.Dropdown or QuestionKind.Multiple
        or QuestionKind.YesNo or QuestionKind.Rating or QuestionKind.Matrix or QuestionKind.Ranking or QuestionKind.Number or QuestionKind.Consent;

    public static bool IsFreeText(this QuestionKind kind) => kind is QuestionKind.ShortText or QuestionKind.LongText;
}

/// <summary>A fixed mapping between enum values and their text in SQL.</summary>
internal sealed class TextMap<T>(params (T Value, string Text)[] pairs)
    where T : struct, Enum
{
    public string ToText(T value) => pairs.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Text;

    public T Parse(string text)
    {
        foreach (var (value, name) in pairs)
        {
            if (name == text)
            {
                return value;
            }
        }

        throw new FormatException($"Unknown {typeof(T).Name} '{text}'.");
    }
}

/// <summary>An answer option, a matrix row or a ranking item: a stable key and the label people read.</summary>
public sealed record Choice(string Key, string Label);

/// <summary>The per-kind settings of a question, stored as JSON.</summary>
public sealed class QuestionSettings
{
    /// <summary>Reserved item of the "Sonstiges" free text of a multiple choice question.</summary>
    public const string OtherItem = "other";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Single, dropdown, multiple choice and ranking.</summary>
    public List<Choice> Options { get; set; } = [];

    /// <summary>Multiple choice: offer "Sonstiges" with a free text.</summary>
    public bool AllowOther { get; set; }

    public int? MinSelections { get; set; }

    public int? MaxSelections { get; set; }

    /// <summary>Rating: 5 or 10.</summary>
    public int ScaleMax { get; set; } = 5;

    /// <summary>Rating: label of 1.</summary>
    public string? LowLabel { get; set; }

    /// <summary>Rating: label of the highest value.</summary>
    public string? HighLabel { get; set; }

    /// <summary>Matrix: the statements, answered row by row.</summary>
    public List<Choice> Rows { get; set; } = [];

    /// <summary>Matrix: labels of the scale values 1..n.</summary>
    public List<string> Scale { get; set; } = [];

    /// <summary>Number.</summary>
    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public bool IntegerOnly { get; set; }

    /// <summary>Short and long text.</summary>
    public int? MaxLength { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QuestionSettings FromJson(string json) => JsonSerializer.Deserialize<QuestionSettings>(json, Json) ?? new QuestionSettings();

    public string? OptionLabel(string key) => Options.FirstOrDefault(o => o.Key == key)?.Label;
}

public sealed record Survey(
    long Id,
    string Title,
    string Introduction,
    string MunicipalityId,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    SurveyMode Mode,
    bool Anonymous,
    string ThankYou,
    SurveyStatus Status,
    bool ResultsPublished,
    DateTimeOffset? ResultsComputedAt)
{
    /// <summary>Open for answers: status open and, if set, within the open and close times.</summary>
    public bool AcceptsAnswers(DateTimeOffset now) => AcceptsAnswers(Status, OpensAt, ClosesAt, now);

    /// <summary>The rule of <see cref="AcceptsAnswers(DateTimeOffset)"/>, for lists that carry only these fields.</summary>
    public static bool AcceptsAnswers(SurveyStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now) =>
        status == SurveyStatus.Open && (opensAt is null || opensAt <= now) && (closesAt is null || now < closesAt);
}

public sealed record SurveyPage(long Id, long Position, string Title, ConditionMode ConditionMode);

public sealed record Question(
    long Id,
    long PageId,
    long Position,
    QuestionKind Kind,
    string Text,
    string Help,
    bool Required,
    QuestionSettings Settings,
    ConditionMode ConditionMode)
{
    public bool TakesAnswer => Kind != QuestionKind.Info;
}

public sealed record Condition(long Id, long? PageId, long? QuestionId, long SourceQuestionId, ConditionOperator Operator, string Item, IReadOnlyList<string> Values);

/// <summary>A survey with everything needed to show, evaluate and count it.</summary>
public sealed record SurveyDefinition(Survey Survey, IReadOnlyList<SurveyPage> Pages, IReadOnlyList<Question> Questions, IReadOnlyList<Condition> Conditions)
{
    public IEnumerable<Question> QuestionsOn(long pageId) => Questions.Where(q => q.PageId == pageId).OrderBy(q => q.Position);

    /// <summary>Questions in the order of the survey: by page, then by position. This is the export column order.</summary>
    public IEnumerable<Question> OrderedQuestions() => Pages.OrderBy(p => p.Position).SelectMany(p => QuestionsOn(p.Id));

    public Question? Find(long questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>"F3" and so on: the number of an answerable question in survey order.</summary>
    public IReadOnlyDictionary<long, int> QuestionNumbers()
    {
        var numbers = new Dictionary<long, int>();
        foreach (var question in OrderedQuestions().Where(q => q.TakesAnswer))
        {
            numbers[question.Id] = numbers.Count + 1;
        }

        return numbers;
    }
}
