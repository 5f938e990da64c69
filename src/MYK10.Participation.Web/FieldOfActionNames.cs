using Microsoft.Extensions.Localization;

namespace MYK10.Participation.Web;

/// <summary>
/// The fields of action are reference data with German names (sql/0001); the pages name them in the visitor's language
/// from SharedResource, keyed by the field's id ("FieldOfAction.energie").
/// </summary>
public static class FieldOfActionNames
{
    public const string KeyPrefix = "FieldOfAction.";

    /// <summary>The field's name in the current language, or the stored German name for a field without a resource.</summary>
    public static string FieldOfAction(this IStringLocalizer<SharedResource> text, string id, string storedName)
    {
        var name = text[KeyPrefix + id];
        return name.ResourceNotFound ? storedName : name.Value;
    }
}
