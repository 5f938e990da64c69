using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// For a form whose answer to a POST shows the citizen's own text again (with errors, or with the similar ideas to look
/// at first): a citizen who follows a link from that page and comes back with the browser's Back button finds the page
/// as it was. The antiforgery token in the form makes ASP.NET Core send <c>no-store</c>, which keeps the browser from
/// keeping the page, so Back only offered to send the form again ("Confirm Form Resubmission"). <c>private, no-cache</c>
/// still keeps it out of every shared cache and never serves it fresh, but lets this browser show it again on Back.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BackToFormResultAttribute : Attribute, IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        var response = context.HttpContext.Response;
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            return;
        }

        // The antiforgery token, and with it no-store, is written while the page renders: replace it just before sending.
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                response.Headers.CacheControl = "private, no-cache";
                response.Headers.Remove(HeaderNames.Pragma);
            }

            return Task.CompletedTask;
        });
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
