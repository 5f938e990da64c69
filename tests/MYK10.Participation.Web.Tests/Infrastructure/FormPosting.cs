using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Posts forms the way a browser does: load the page, take the antiforgery token from the form, submit.</summary>
public static class FormPosting
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The page at <paramref name="url"/> in German, then again after its language switch to English (which the client keeps).</summary>
    public static async Task<(IHtmlDocument German, IHtmlDocument English)> GermanThenEnglishAsync(this HttpClient client, string url)
    {
        var german = await client.GetDocumentAsync(url);
        using (await client.PostFormAsync(url, new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = url }, "form.language-switch"))
        {
        }

        return (german, await client.GetDocumentAsync(url));
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, picks the form (by <paramref name="formSelector"/>, else the last POST form
    /// in <c>main</c>), fills <paramref name="fields"/> over the form's own values, and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields, string? formSelector = null) =>
        await client.SubmitFormAsync(await client.GetDocumentAsync(pageUrl), pageUrl, fields, formSelector);

    /// <summary>
    /// Submits a form of a page already in hand (one that answered a POST, say) as <see cref="PostFormAsync"/> does:
    /// with exactly the fields, the antiforgery token included, that the page itself carries.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument document, string pageUrl, Dictionary<string, string> fields, string? formSelector = null)
    {
        var form = Form(document, pageUrl, formSelector);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(Values(form, fields)));
    }

    /// <summary>The form <see cref="SubmitFormAsync"/> picks: by <paramref name="formSelector"/>, else the last POST form in <c>main</c>.</summary>
    public static IHtmlFormElement Form(IHtmlDocument document, string pageUrl, string? formSelector = null) =>
        (formSelector is null
            ? document.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().LastOrDefault()
            : document.QuerySelector(formSelector) as IHtmlFormElement)
        ?? throw new InvalidOperationException($"No POST form on {pageUrl}.");

    /// <summary>
    /// What a browser sends for <paramref name="form"/>: its own values, <paramref name="fields"/> typed over them; checked
    /// boxes only, unless <paramref name="everyCheckbox"/> ticks them all.
    /// </summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlFormElement form, Dictionary<string, string> fields, bool everyCheckbox = false)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (((input.Type == "checkbox" && !everyCheckbox) || input.Type == "radio") && !input.IsChecked)
            {
                continue;
            }

            if (!fields.ContainsKey(input.Name!))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var textarea in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>().Where(t => !fields.ContainsKey(t.Name!)))
        {
            values.Add(new(textarea.Name!, textarea.Value));
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>().Where(s => !fields.ContainsKey(s.Name!)))
        {
            values.Add(new(select.Name!, select.Value ?? string.Empty));
        }

        values.AddRange(fields);
        return values;
    }

    /// <summary>Takes the antiforgery token from <paramref name="pageUrl"/>'s form and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var token = document.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());
}
