using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Web.Pages.Admin.Abstimmungen;

/// <summary>
/// The vote editor's form value limit in place of the site's (<c>Limits:MaxFormValues</c>): the editor posts a value for
/// every measure ticked in its picker, and the strategy may have any number of measures, so the limit is
/// <see cref="BearbeitenModel.MaxFormValues"/> for the measures there are. The form is read here, before the antiforgery
/// check would read it under the site's limit. A form beyond it (forged, or from a page older than a change to the
/// strategy) returns to the editor with a German message instead of the 400 page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class EditorFormLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!request.HasFormContentType || http.Features.Get<IFormFeature>() is { Form: not null })
        {
            return;
        }

        var site = http.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        var measures = await http.RequestServices.GetRequiredService<StrategyStore>().MeasureCountAsync(http.RequestAborted);
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            BufferBody = site.BufferBody,
            MemoryBufferThreshold = site.MemoryBufferThreshold,
            BufferBodyLengthLimit = site.BufferBodyLengthLimit,
            KeyLengthLimit = site.KeyLengthLimit,
            ValueLengthLimit = site.ValueLengthLimit,
            ValueCountLimit = (int)Math.Min(int.MaxValue, Math.Max(site.ValueCountLimit, BearbeitenModel.MaxFormValues(measures))),
            MultipartBoundaryLengthLimit = site.MultipartBoundaryLengthLimit,
            MultipartHeadersCountLimit = site.MultipartHeadersCountLimit,
            MultipartHeadersLengthLimit = site.MultipartHeadersLengthLimit,
            MultipartBodyLengthLimit = site.MultipartBodyLengthLimit,
        }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[BearbeitenModel.ProblemKey] = "Admin.Problem.FormTooLarge";
            tempData.Save();
            context.Result = new RedirectResult(request.PathBase.Add(request.Path));
        }
    }
}
