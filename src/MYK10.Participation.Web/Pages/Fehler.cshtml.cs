using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MYK10.Participation.Web.Pages;

/// <summary>German error pages for status codes and unhandled exceptions; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class FehlerModel : PageModel
{
    public int Code { get; private set; }

    // The code is read from the path itself, not bound: a failed POST re-executes here with its own method and body, and
    // model binding gives up on every argument when that body cannot be read (too many fields, say), which showed the
    // 404 page for a 400; a posted field named "code" must not choose the page either.
    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    // Any other method (a PUT refused with 405, say) has no handler here and renders the page as it is.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        if (context?.HandlerMethod is null)
        {
            Render();
        }
    }

    private PageResult Render()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var fromPath) ? fromPath : 404;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted)
        {
            Response.StatusCode = Code;
        }

        return Page();
    }
}
