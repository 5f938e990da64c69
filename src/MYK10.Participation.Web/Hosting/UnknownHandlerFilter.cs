using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// A POST that names no handler of its page (a stale form, a hand-made request), or a method the page has no handler for
/// (PUT, DELETE, ...), answers 405 with the German error page and the methods the page does take in <c>Allow</c>,
/// instead of rendering the page without the data its GET handler would have loaded. The error page itself, shown again
/// for a failed request with that request's method, renders for every method.
/// </summary>
public sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant());
        http.Response.Headers.Allow = string.Join(", ", new[] { "GET", "HEAD" }.Concat(handled).Distinct(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
