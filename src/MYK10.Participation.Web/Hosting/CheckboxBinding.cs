using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Binds a <c>bool</c> from a form: "true" or "false" (a ticked checkbox sends both, through its hidden twin). Any other
/// value is an error next to the field, and the field is shown unticked. The framework's own binder kept the sent text
/// as the field's value, which the checkbox tag helper could not read back when the page was shown again: a request
/// with <c>Input.StaySignedIn=maybe</c> ended in an exception instead of the form.
/// </summary>
public sealed class CheckboxBinding : IModelBinder, IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(bool) ? this : null;
    }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        if (bool.TryParse(sent.FirstValue, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, sent);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        var metadata = bindingContext.ModelMetadata;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, bool.FalseString);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(sent.FirstValue ?? "", metadata.GetDisplayName()));
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}
