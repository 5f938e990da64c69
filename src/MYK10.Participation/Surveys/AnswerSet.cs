using System.Text.Json;

namespace MYK10.Participation.Surveys;

/// <summary>
/// Answers by question id, each a map from item ('' for single-valued questions, option or row key otherwise) to
/// a value. Sorted, so that serialising the same answers always gives the same text.
/// </summary>
public sealed class AnswerSet
{
    private readonly SortedDictionary<long, SortedDictionary<string, string>> _answers = [];

    public IEnumerable<long> QuestionIds => _answers.Keys;

    public int Count => _answers.Count;

    public bool Has(long questionId) => _answers.ContainsKey(questionId);

    public IReadOnlyDictionary<string, string> Get(long questionId) =>
        _answers.TryGetValue(questionId, out var items) ? items : Empty;

    /// <summary>The single value of a single-valued question, or null.</summary>
    public string? Value(long questionId, string item = "") =>
        _answers.TryGetValue(questionId, out var items) && items.TryGetValue(item, out var value) ? value : null;

    /// <summary>Replaces the answer to a question; an empty map removes it.</summary>
    public void Set(long questionId, IReadOnlyDictionary<string, string> items)
    {
        if (items.Count == 0)
        {
            _answers.Remove(questionId);
            return;
        }

        _answers[questionId] = new SortedDictionary<string, string>(items.ToDictionary(), StringComparer.Ordinal);
    }

    public void Set(long questionId, string value) => Set(questionId, new Dictionary<string, string> { [""] = value });

    public void Remove(long questionId) => _answers.Remove(questionId);

    public AnswerSet Clone()
    {
        var copy = new AnswerSet();
        foreach (var (id, items) in _answers)
        {
            copy.Set(id, items);
        }

        return copy;
    }

    public string ToJson() => JsonSerializer.Serialize(_answers.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value));

    public static AnswerSet FromJson(string json)
    {
        var set = new AnswerSet();
        var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [];
        foreach (var (id, items) in parsed)
        {
            if (long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var questionId))
            {
                set.Set(questionId, items);
            }
        }

        return set;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
