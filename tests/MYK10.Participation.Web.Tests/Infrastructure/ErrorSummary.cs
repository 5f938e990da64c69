using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Where the links of a page's error summary lead.</summary>
public static class ErrorSummary
{
    /// <summary>
    /// The form control each link of the error summary names, failing when one names no element or one that takes no
    /// focus (a link to a group's fieldset or to nothing leaves the keyboard where it was).
    /// </summary>
    public static List<IElement> AssertLinksLandOnFields(IHtmlDocument document)
    {
        var links = document.QuerySelectorAll(".error-summary a[href^='#']").ToList();
        Assert.NotEmpty(links);
        return links.Select(link =>
        {
            var id = link.GetAttribute("href")![1..];
            var target = document.GetElementById(id);
            Assert.True(target is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement, $"The error summary links to #{id}, which is {target?.LocalName ?? "no element"}.");
            return target!;
        }).ToList();
    }
}
