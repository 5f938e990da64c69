using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The framework's adapters plus ours: without an adapter, a validation attribute of our own shows its resource key
/// ("Validation.Email") instead of the German message, because only adapters look the message up.
/// </summary>
public sealed class ValidationAdapters : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _framework = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) => attribute switch
    {
        DeliverableEmailAttribute deliverable => new ServerOnly<DeliverableEmailAttribute>(deliverable, stringLocalizer),
        _ => _framework.GetAttributeAdapter(attribute, stringLocalizer),
    };

    /// <summary>Checked on the server only; the browser's own check of type="email" comes first anyway.</summary>
    private sealed class ServerOnly<TAttribute>(TAttribute attribute, IStringLocalizer? stringLocalizer)
        : AttributeAdapterBase<TAttribute>(attribute, stringLocalizer)
        where TAttribute : ValidationAttribute
    {
        public override void AddValidation(ClientModelValidationContext context)
        {
        }

        public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
            GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
    }
}
