using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>The fields of the idea form, shared by submitting (<c>/ideen/neu</c>) and the author's correction (<c>/ideen/{id}/bearbeiten</c>).</summary>
public class IdeaFormInput
{
    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? FieldId { get; set; }

    public string? MunicipalityId { get; set; }

    public string? Place { get; set; }

    public IdeaSubmission ToSubmission(string? formKey = null) => new(Title, Body, FieldId, MunicipalityId, Place, formKey);
}

/// <summary>The lists the idea form chooses from.</summary>
public sealed record IdeaFormChoices(IReadOnlyList<FieldOfAction> Fields, IReadOnlyList<Municipality> Municipalities)
{
    public static readonly IdeaFormChoices None = new([], []);

    public static async Task<IdeaFormChoices> LoadAsync(ReferenceStore reference) =>
        new(await reference.FieldsOfActionAsync(), await reference.MunicipalitiesAsync());

    /// <summary>Each error of the idea rules as a German (or English) message beside its field.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IStringLocalizer text, IReadOnlyDictionary<IdeaField, IdeaError> errors)
    {
        foreach (var (field, error) in errors)
        {
            modelState.AddModelError($"Input.{field}", text[$"Error.{field}.{error}"]);
        }
    }
}

/// <summary>The model of the _IdeaFields partial; the names of its fields bind to the page's <c>Input</c>.</summary>
public sealed record IdeaFormView(IdeaFormInput Input, IdeaFormChoices Choices);
