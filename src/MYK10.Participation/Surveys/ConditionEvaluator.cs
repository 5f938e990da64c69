using System.Globalization;

namespace MYK10.Participation.Surveys;

/// <summary>Which pages and questions are shown for a set of answers, evaluated on the server.</summary>
public sealed class Visibility
{
    public required IReadOnlyList<SurveyPage> VisiblePages { get; init; }

    public required IReadOnlySet<long> VisibleQuestionIds { get; init; }

    /// <summary>The answers with those to hidden questions removed.</summary>
    public required AnswerSet Answers { get; init; }

    public bool IsVisible(Question question) => VisibleQuestionIds.Contains(question.Id);
}

public static class ConditionEvaluator
{
    /// <summary>
    /// Walks the survey in order. A page or question is visible when its conditions hold over the answers to the
    /// visible questions before it; answers to hidden questions are dropped, so that a chain of conditions sees
    /// exactly what the respondent could see.
    /// </summary>
    public static Visibility Evaluate(SurveyDefinition definition, AnswerSet answers)
    {
        var kept = new AnswerSet();
        var pages = new List<SurveyPage>();
        var questions = new HashSet<long>();
        foreach (var page in definition.Pages.OrderBy(p => p.Position))
        {
            if (!Holds(definition.Conditions.Where(c => c.PageId == page.Id).ToList(), page.ConditionMode, definition, kept))
            {
                continue;
            }

            var anyVisible = false;
            foreach (var question in definition.QuestionsOn(page.Id))
            {
                if (!Holds(definition.Conditions.Where(c => c.QuestionId == question.Id).ToList(), question.ConditionMode, definition, kept))
                {
                    continue;
                }

                anyVisible = true;
                questions.Add(question.Id);
                if (question.TakesAnswer && answers.Has(question.Id))
                {
                    kept.Set(question.Id, answers.Get(question.Id));
                }
            }

            if (anyVisible)
            {
                pages.Add(page);
            }
        }

        return new Visibility { VisiblePages = pages, VisibleQuestionIds = questions, Answers = kept };
    }

    private static bool Holds(List<Condition> conditions, ConditionMode mode, SurveyDefinition definition, AnswerSet answers)
    {
        if (conditions.Count == 0)
        {
            return true;
        }

        return mode == ConditionMode.Any
            ? conditions.Any(c => Holds(c, definition, answers))
            : conditions.All(c => Holds(c, definition, answers));
    }

    public static bool Holds(Condition condition, SurveyDefinition definition, AnswerSet answers)
    {
        var source = definition.Find(condition.SourceQuestionId);
        var selected = source is null ? [] : Selected(source, condition.Item, answers);
        var first = condition.Values.Count > 0 ? condition.Values[0] : string.Empty;
        return condition.Operator switch
        {
            ConditionOperator.Answered => selected.Count > 0,
            ConditionOperator.NotAnswered => selected.Count == 0,
            ConditionOperator.EqualTo => selected.Contains(first),
            ConditionOperator.NotEqualTo => !selected.Contains(first),
            ConditionOperator.AnyOf => condition.Values.Any(selected.Contains),
            ConditionOperator.NoneOf => !condition.Values.Any(selected.Contains),
            ConditionOperator.GreaterThan => selected.Count == 1 && Compare(selected.First(), first) > 0,
            ConditionOperator.LessThan => selected.Count == 1 && Compare(selected.First(), first) < 0,
            _ => false,
        };
    }

    /// <summary>The selected values: chosen options for multiple choice, the row's value for a matrix, else the value.</summary>
    private static HashSet<string> Selected(Question source, string item, AnswerSet answers)
    {
        var answer = answers.Get(source.Id);
        return source.Kind switch
        {
            QuestionKind.Multiple => answer.Keys.ToHashSet(StringComparer.Ordinal),
            QuestionKind.Ranking => answer.Count > 0 ? answer.Keys.ToHashSet(StringComparer.Ordinal) : [],
            QuestionKind.Matrix => answer.TryGetValue(item, out var row) ? [row] : [],
            _ => answer.TryGetValue("", out var value) ? [value] : [],
        };
    }

    private static int Compare(string answer, string target)
    {
        if (decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(target.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        // Dates are stored as yyyy-MM-dd, so text order is time order.
        return string.CompareOrdinal(answer, target);
    }
}
