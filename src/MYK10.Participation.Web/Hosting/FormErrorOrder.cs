using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The order of a form's errors in its error summary: the order of its fields, which is the order their properties are
/// declared in (the forms show them in that order). Model state itself lists its keys alphabetically, so the summary
/// named "Beschreibung" before "Titel". Errors for the form as a whole come first; keys of no known property last.
/// </summary>
public static class FormErrorOrder
{
    public static IEnumerable<(string Key, string Message)> Sort(ModelStateDictionary state, ModelMetadata? form) =>
        state
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select((entry, index) => (entry.Key, Position: Position(form, entry.Key), Index: index, entry.Value!.Errors))
            .OrderBy(entry => entry.Position, PositionComparer.Instance)
            .ThenBy(entry => entry.Index)
            .SelectMany(entry => entry.Errors.Select(error => (entry.Key, error.ErrorMessage)));

    /// <summary>Each step of the key's path ("Input.Answers[2].Text"): the property's place among its siblings, and an index.</summary>
    private static List<int> Position(ModelMetadata? metadata, string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return position;
        }

        foreach (var step in key.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            var properties = metadata?.Properties.ToList() ?? [];
            var place = properties.FindIndex(property => string.Equals(property.PropertyName, name, StringComparison.Ordinal));
            if (place < 0)
            {
                position.Add(int.MaxValue);
                return position;
            }

            position.Add(place);
            metadata = properties[place];
            if (bracket >= 0)
            {
                position.Add(int.TryParse(step[(bracket + 1)..^1], out var index) ? index : int.MaxValue);
                metadata = metadata.ElementMetadata ?? metadata;
            }
        }

        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
