namespace MYK10.Participation.Web.Pages.Admin;

/// <summary>
/// A delete on an admin page that asks for a tick first (<c>_DeleteConfirmation</c>): a closed box that opens to a
/// confirmation box and the button; its error, under the key <paramref name="ConfirmId"/>, opens it again.
/// </summary>
/// <param name="SummaryDetail">Read out after the summary only, to tell the many delete boxes of the page apart.</param>
public sealed record DeleteConfirmation(string Handler, IDictionary<string, string> Route, string ConfirmId, string Summary, string SummaryDetail, string Label, string Button);
