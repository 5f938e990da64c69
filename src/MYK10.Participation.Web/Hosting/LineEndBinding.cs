using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Binds every text with its line ends as LF. Browsers send a text field's line breaks as CRLF but count each as one
/// character against its <c>maxlength</c>; bound as sent, a text the field accepted could fail the same limit on the
/// server, counted with two characters per line end.
/// </summary>
public sealed class LineEndBinding : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(string)
            ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class Binder(SimpleTypeModelBinder sent) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            await sent.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text && text.Contains('\r', StringComparison.Ordinal))
            {
                bindingContext.Result = ModelBindingResult.Success(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
            }
        }
    }
}
