using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Surveys;

/// <summary>The settings form of a survey (create and edit). Times are entered in German local time.</summary>
public sealed class SurveyFormInput
{
    public string? Title { get; set; }

    public string? Introduction { get; set; }

    public string? MunicipalityId { get; set; } = MYK10.Participation.Reference.Municipality.CountyId;

    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public SurveyMode Mode { get; set; } = SurveyMode.Open;

    public bool Anonymous { get; set; } = true;

    public string? ThankYou { get; set; }

    public static SurveyFormInput From(Survey survey) => new()
    {
        Title = survey.Title,
        Introduction = survey.Introduction,
        MunicipalityId = survey.MunicipalityId,
        OpensAt = survey.OpensAt is { } opens ? BerlinTime.ToBerlin(opens).DateTime : null,
        ClosesAt = survey.ClosesAt is { } closes ? BerlinTime.ToBerlin(closes).DateTime : null,
        Mode = survey.Mode,
        Anonymous = survey.Anonymous,
        ThankYou = survey.ThankYou,
    };

    /// <summary>Checks the input; adds German messages to ModelState under "Input.*"; returns the input for the builder or null.</summary>
    public SurveyInput? Validate(ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text, IEnumerable<string> municipalityIds)
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            modelState.AddModelError("Input.Title", text["Form.TitleRequired"]);
        }

        SurveyTexts.CheckLength(modelState, text, "Input.Title", Title, SurveyTextLimits.Title);
        SurveyTexts.CheckLength(modelState, text, "Input.Introduction", Introduction, SurveyTextLimits.Introduction);
        SurveyTexts.CheckLength(modelState, text, "Input.ThankYou", ThankYou, SurveyTextLimits.ThankYou);

        if (modelState.TryGetValue("Input.OpensAt", out var opens) && opens.Errors.Count > 0)
        {
            opens.Errors.Clear();
            modelState.AddModelError("Input.OpensAt", text["Form.TimeInvalid"]);
        }

        if (modelState.TryGetValue("Input.ClosesAt", out var closes) && closes.Errors.Count > 0)
        {
            closes.Errors.Clear();
            modelState.AddModelError("Input.ClosesAt", text["Form.TimeInvalid"]);
        }

        var opensAt = modelState.BerlinToUtc("Input.OpensAt", OpensAt, day => text["Form.TimeSkipped", day]);
        var closesAt = modelState.BerlinToUtc("Input.ClosesAt", ClosesAt, day => text["Form.TimeSkipped", day]);
        if (OpensAt is { } o && ClosesAt is { } c && o >= c)
        {
            modelState.AddModelError("Input.ClosesAt", text["Form.TimesInvalid"]);
        }

        var municipality = MunicipalityId is not null && municipalityIds.Contains(MunicipalityId) ? MunicipalityId : MYK10.Participation.Reference.Municipality.CountyId;
        if (!modelState.IsValid)
        {
            return null;
        }

        return new SurveyInput(Title!.Trim(), (Introduction ?? string.Empty).Trim(), municipality, opensAt, closesAt, Mode, Anonymous, (ThankYou ?? string.Empty).Trim());
    }
}

/// <summary>The question form: every kind's settings, with lists entered one item per line.</summary>
public sealed class QuestionFormInput
{
    public QuestionKind Kind { get; set; } = QuestionKind.Single;

    public string? Text { get; set; }

    public string? Help { get; set; }

    public bool Required { get; set; }

    public string? Options { get; set; }

    public bool AllowOther { get; set; }

    public int? MinSelections { get; set; }

    public int? MaxSelections { get; set; }

    public int ScaleMax { get; set; } = 5;

    public string? LowLabel { get; set; }

    public string? HighLabel { get; set; }

    public string? Rows { get; set; }

    public string? Scale { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    public bool IntegerOnly { get; set; }

    public int? MaxLength { get; set; }

    public ConditionMode ConditionMode { get; set; }

    public static QuestionFormInput From(Question question) => new()
    {
        Kind = question.Kind,
        Text = question.Text,
        Help = question.Help,
        Required = question.Required,
        Options = string.Join('\n', question.Settings.Options.Select(o => o.Label)),
        AllowOther = question.Settings.AllowOther,
        MinSelections = question.Settings.MinSelections,
        MaxSelections = question.Settings.MaxSelections,
        ScaleMax = question.Settings.ScaleMax,
        LowLabel = question.Settings.LowLabel ?? string.Empty,
        HighLabel = question.Settings.HighLabel ?? string.Empty,
        Rows = string.Join('\n', question.Settings.Rows.Select(r => r.Label)),
        Scale = string.Join('\n', question.Settings.Scale),
        Min = SurveyDisplay.Number(question.Settings.Min),
        Max = SurveyDisplay.Number(question.Settings.Max),
        IntegerOnly = question.Settings.IntegerOnly,
        MaxLength = question.Settings.MaxLength,
        ConditionMode = question.ConditionMode,
    };

    /// <summary>
    /// The settings for the builder. Only what the kind uses is kept. Keys are given by position (o1, o2 …, r1 …):
    /// only a draft changes its questions, and a draft has no answers that could refer to old keys.
    /// </summary>
    public QuestionInput? Validate(ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            modelState.AddModelError("Input.Text", text["QForm.TextRequired"]);
        }

        SurveyTexts.CheckLength(modelState, text, "Input.Text", Text, SurveyTextLimits.QuestionText);
        SurveyTexts.CheckLength(modelState, text, "Input.Help", Help, SurveyTextLimits.QuestionHelp);

        if (Kind is QuestionKind.Single or QuestionKind.Dropdown or QuestionKind.Ranking or QuestionKind.Multiple)
        {
            CheckUnique(Options, "Input.Options", modelState, text);
        }
        else if (Kind == QuestionKind.Matrix)
        {
            CheckUnique(Rows, "Input.Rows", modelState, text);
            CheckUnique(Scale, "Input.Scale", modelState, text);
        }

        var min = ParseNumber(Min, "Input.Min", modelState, text);
        var max = ParseNumber(Max, "Input.Max", modelState, text);
        if (!modelState.IsValid)
        {
            return null;
        }

        var settings = new QuestionSettings();
        switch (Kind)
        {
            case QuestionKind.Single or QuestionKind.Dropdown or QuestionKind.Ranking:
                settings.Options = Choices(Options, "o");
                break;
            case QuestionKind.Multiple:
                settings.Options = Choices(Options, "o");
                settings.AllowOther = AllowOther;
                settings.MinSelections = MinSelections;
                settings.MaxSelections = MaxSelections;
                break;
            case QuestionKind.Rating:
                settings.ScaleMax = ScaleMax;
                settings.LowLabel = Blank(LowLabel);
                settings.HighLabel = Blank(HighLabel);
                break;
            case QuestionKind.Matrix:
                settings.Rows = Choices(Rows, "r");
                settings.Scale = Lines(Scale);
                break;
            case QuestionKind.Number:
                settings.Min = min;
                settings.Max = max;
                settings.IntegerOnly = IntegerOnly;
                break;
            case QuestionKind.ShortText or QuestionKind.LongText:
                settings.MaxLength = MaxLength;
                break;
        }

        return new QuestionInput(Kind, Text!.Trim(), (Help ?? string.Empty).Trim(), Required, settings, ConditionMode);
    }

    public static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static List<Choice> Choices(string? text, string prefix) =>
        Lines(text).Select((label, i) => new Choice($"{prefix}{(i + 1).ToString(CultureInfo.InvariantCulture)}", label)).ToList();

    /// <summary>Two equal lines would be two answers nobody can tell apart, in the form, in conditions and in the results.</summary>
    private static void CheckUnique(string? lines, string key, ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text)
    {
        var twice = Lines(lines).GroupBy(l => l, StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            modelState.AddModelError(key, text["QForm.Twice", twice.Key]);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static decimal? ParseNumber(string? value, string key, ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        modelState.AddModelError(key, text["QForm.NumberInvalid"]);
        return null;
    }
}

/// <summary>Checks shared by the survey forms.</summary>
internal static class SurveyTexts
{
    /// <summary>
    /// A text longer than the database keeps is refused at its field, not cut. Its line ends arrive as LF
    /// (<see cref="LineEndBinding"/>), counted once as the browser's <c>maxlength</c> counts them.
    /// </summary>
    public static void CheckLength(ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text, string key, string? value, int max)
    {
        var length = (value ?? string.Empty).Trim().Length;
        if (length > max)
        {
            modelState.AddModelError(key, text["Form.TooLong", max.ToString("N0", CultureInfo.CurrentCulture), length.ToString("N0", CultureInfo.CurrentCulture)]);
        }
    }
}

/// <summary>Adding a condition: the values are typed as people read them (option labels, "Ja", numbers) and mapped to keys.</summary>
public sealed class ConditionFormInput
{
    public long SourceQuestionId { get; set; }

    public ConditionOperator Operator { get; set; }

    public string? Values { get; set; }

    public string? Row { get; set; }

    /// <summary>The stored values (keys) for the source question, or null with an error in ModelState.</summary>
    public (string Item, List<string> Values)? Resolve(Question? source, ModelStateDictionary modelState, IStringLocalizer<SurveysResource> text)
    {
        if (source is null)
        {
            modelState.AddModelError("Input.SourceQuestionId", text["Problem.ConditionSource"]);
            return null;
        }

        // An unknown comparison must not quietly become "equals" (what binding leaves in the property).
        if ((modelState.TryGetValue("Input.Operator", out var bound) && bound.Errors.Count > 0) || !Enum.IsDefined(Operator))
        {
            bound?.Errors.Clear();
            modelState.AddModelError("Input.Operator", text["Cond.OperatorInvalid"]);
            return null;
        }

        var typed = (Values ?? string.Empty).Split(';').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        var item = "";
        if (source.Kind == QuestionKind.Matrix)
        {
            var typedRow = (Row ?? string.Empty).Trim();
            var row = source.Settings.Rows.FirstOrDefault(r => Same(r.Label, typedRow) || r.Key == typedRow);
            if (row is null)
            {
                modelState.AddModelError("Input.Row", text["Cond.UnknownValue", typedRow]);
                return null;
            }

            item = row.Key;
        }

        var values = new List<string>();
        foreach (var value in typed)
        {
            string? key = source.Kind switch
            {
                QuestionKind.Single or QuestionKind.Dropdown or QuestionKind.Multiple or QuestionKind.Ranking =>
                    source.Settings.Options.FirstOrDefault(o => Same(o.Label, value) || o.Key == value)?.Key
                    ?? (source.Kind == QuestionKind.Multiple && Same(value, text["Answer.Other"]) ? QuestionSettings.OtherItem : null),
                QuestionKind.YesNo => Same(value, text["Answer.Yes"]) || value == "yes" ? "yes" : Same(value, text["Answer.No"]) || value == "no" ? "no" : null,
                QuestionKind.Consent => "1",
                QuestionKind.Matrix => source.Settings.Scale.FindIndex(s => Same(s, value)) is var i and >= 0 ? (i + 1).ToString(CultureInfo.InvariantCulture)
                    : int.TryParse(value, CultureInfo.InvariantCulture, out var step) ? step.ToString(CultureInfo.InvariantCulture) : null,
                QuestionKind.Date => DateOnly.TryParse(value, CultureInfo.GetCultureInfo("de-DE"), out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                QuestionKind.Rating or QuestionKind.Number => decimal.TryParse(value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    ? AnswerValidator.NormaliseNumber(n) : null,
                _ => value,
            };
            if (key is null)
            {
                modelState.AddModelError("Input.Values", text["Cond.UnknownValue", value]);
                return null;
            }

            values.Add(key);
        }

        if (values.Count == 0 && Operator is not (ConditionOperator.Answered or ConditionOperator.NotAnswered))
        {
            modelState.AddModelError("Input.Values", text["Cond.ValuesRequired"]);
            return null;
        }

        return (item, values.Distinct(StringComparer.Ordinal).ToList());
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
