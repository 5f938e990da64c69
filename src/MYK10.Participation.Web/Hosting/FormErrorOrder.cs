using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The order of a form's errors in its error summary: the order of its fields, which is the order their properties are
/// declared in (the forms show them in that order). Model state itself lists its keys alphabetically, so the summary
/// named "Beschreibung" before "Titel". Errors for the form as a whole come first; keys of no known property last, in
/// the order of the fields a page names with <see cref="SetFieldOrder"/> (a survey page's questions are no properties).
/// A field refused by two of its rules with the same message ("kein@" is no address and none mail can go to) is named once.
/// </summary>
public static class FormErrorOrder
{
    private const string FieldOrderKey = "FormErrorOrder.Fields";

    /// <summary>The names of a form's fields that are not properties of its page model, in the order the page shows them.</summary>
    public static void SetFieldOrder(ViewDataDictionary viewData, IEnumerable<string> names) => viewData[FieldOrderKey] = names.ToList();

    /// <summary>The errors of the page's model state, in the order of its form's fields.</summary>
    public static IEnumerable<(string Key, string Message)> Sort(ViewDataDictionary viewData) =>
        Sort(viewData.ModelState, viewData.ModelMetadata, viewData[FieldOrderKey] as List<string> ?? []);

    // OrderBy is stable: keys at the same position keep model state's order.
    public static IEnumerable<(string Key, string Message)> Sort(ModelStateDictionary state, ModelMetadata? form, List<string> fields) =>
        state
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(form, fields, entry.Key), ByPosition)
            .SelectMany(entry => entry.Value!.Errors.Select(error => error.ErrorMessage).Distinct(StringComparer.Ordinal).Select(message => (entry.Key, message)));

    /// <summary>Each step of the key's path ("Input.Answers[2].Text"): the property's place among its siblings, and an index.</summary>
    private static List<int> Position(ModelMetadata? metadata, List<string> fields, string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return position;
        }

        foreach (var step in Steps(key))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            var properties = metadata?.Properties.ToList() ?? [];
            var place = properties.FindIndex(property => string.Equals(property.PropertyName, name, StringComparison.Ordinal));
            if (place < 0)
            {
                var field = position.Count == 0 ? fields.IndexOf(name) : -1;
                position.AddRange([int.MaxValue, field < 0 ? int.MaxValue : field]);
                return position;
            }

            position.Add(place);
            metadata = properties[place];
            if (bracket >= 0)
            {
                position.Add(step.EndsWith(']') && int.TryParse(step.AsSpan(bracket + 1, step.Length - bracket - 2), out var index) ? index : int.MaxValue);
                metadata = metadata.ElementMetadata ?? metadata;
            }
        }

        return position;
    }

    /// <summary>The key's steps, split at dots outside brackets: a posted index may hold one ("Input.Items[.1].Value").</summary>
    private static IEnumerable<string> Steps(string key)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < key.Length; i++)
        {
            depth += key[i] switch { '[' => 1, ']' when depth > 0 => -1, _ => 0 };
            if (key[i] == '.' && depth == 0)
            {
                yield return key[start..i];
                start = i + 1;
            }
        }

        yield return key[start..];
    }

    /// <summary>Step by step, and a path before the longer ones it begins.</summary>
    private static readonly Comparer<List<int>> ByPosition =
        Comparer<List<int>>.Create((x, y) => CollectionsMarshal.AsSpan(x).SequenceCompareTo(CollectionsMarshal.AsSpan(y)));
}
