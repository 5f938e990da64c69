using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.TagHelpers;

/// <summary>
/// <c>&lt;honeypot-field /&gt;</c> inside a public form: a text field people never see (hidden by the style sheet, so
/// screen readers skip it too) that form-filling bots tend to fill. The page model checks it with
/// <see cref="Honeypot.IsTripped"/> and, when filled, answers as if it had succeeded without doing anything.
/// </summary>
[HtmlTargetElement("honeypot-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class HoneypotTagHelper(IStringLocalizer<TrustResource> text) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "hp-field");
        output.Attributes.SetAttribute("aria-hidden", "true");
        var id = "hp-" + Honeypot.FieldName.ToLowerInvariant();
        output.Content.AppendHtml($"<label for=\"{id}\">");
        output.Content.Append(text["Honeypot.Label"].Value);
        output.Content.AppendHtml($"</label><input id=\"{id}\" name=\"{Honeypot.FieldName}\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">");
    }
}
