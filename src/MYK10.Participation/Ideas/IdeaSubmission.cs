using MYK10.Participation.Data;
using System.Text.RegularExpressions;

namespace MYK10.Participation.Ideas;

/// <summary>
/// What a participant types into the idea form; <paramref name="FormKey"/> is the form's one-time key, so that the same
/// form sent twice stores one idea (<c>sql/0074_idea_submission_key.sql</c>).
/// </summary>
public sealed record IdeaSubmission(string? Title, string? Body, string? FieldId, string? MunicipalityId, string? Place, string? FormKey = null);

public enum IdeaField
{
    Title,
    Body,
    FieldId,
    MunicipalityId,
    Place,
}

public enum IdeaError
{
    Required,
    TooShort,
    TooLong,
    Unknown,
}

/// <summary>The rules of the idea form, in one place; the schema's CHECK constraints hold the same limits.</summary>
public static partial class IdeaRules
{
    public const int TitleMin = 5;
    public const int TitleMax = 120;
    public const int BodyMin = 20;
    public const int BodyMax = 5000;
    public const int PlaceMax = 200;

    /// <summary>Title on one line; body with normalised line breaks and at most one blank line between paragraphs.</summary>
    public static IdeaSubmission Normalise(IdeaSubmission input) => input with
    {
        Title = Spaces().Replace(input.Title ?? string.Empty, " ").Trim(),
        Body = BlankLines().Replace((input.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), "\n\n").Trim(),
        Place = string.IsNullOrWhiteSpace(input.Place) ? null : Spaces().Replace(input.Place, " ").Trim(),
    };

    public static Dictionary<IdeaField, IdeaError> Validate(IdeaSubmission normalised, ISet<string> fieldIds, ISet<string> municipalityIds)
    {
        var errors = new Dictionary<IdeaField, IdeaError>();
        Length(errors, IdeaField.Title, normalised.Title, TitleMin, TitleMax);
        Length(errors, IdeaField.Body, normalised.Body, BodyMin, BodyMax);
        if (string.IsNullOrEmpty(normalised.FieldId))
        {
            errors[IdeaField.FieldId] = IdeaError.Required;
        }
        else if (!fieldIds.Contains(normalised.FieldId))
        {
            errors[IdeaField.FieldId] = IdeaError.Unknown;
        }

        if (string.IsNullOrEmpty(normalised.MunicipalityId))
        {
            errors[IdeaField.MunicipalityId] = IdeaError.Required;
        }
        else if (!municipalityIds.Contains(normalised.MunicipalityId))
        {
            errors[IdeaField.MunicipalityId] = IdeaError.Unknown;
        }

        if (TextLength.Of(normalised.Place) > PlaceMax)
        {
            errors[IdeaField.Place] = IdeaError.TooLong;
        }

        return errors;
    }

    private static void Length(Dictionary<IdeaField, IdeaError> errors, IdeaField field, string? value, int min, int max)
    {
        var length = TextLength.Of(value);
        if (length == 0)
        {
            errors[field] = IdeaError.Required;
        }
        else if (length < min)
        {
            errors[field] = IdeaError.TooShort;
        }
        else if (length > max)
        {
            errors[field] = IdeaError.TooLong;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
