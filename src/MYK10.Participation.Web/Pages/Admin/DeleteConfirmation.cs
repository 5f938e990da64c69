namespace MYK10.Participation.Web.Pages.Admin;

/// <summary>
/// A delete, or another step that cannot be taken back, on an admin page that asks for a tick first
/// (<c>_DeleteConfirmation</c>): a closed box that opens to a confirmation box and the button; its error, under the key
/// <paramref name="ConfirmId"/>, opens it again.
/// </summary>
/// <param name="SummaryDetail">Read out after the summary only, to tell the many boxes of the page apart.</param>
/// <param name="Field">The form field of the tick, which the handler binds.</param>
/// <param name="Reason">A text the step asks for besides the tick (a reason for the log); its error opens the box too.</param>
public sealed record DeleteConfirmation(string Handler, IDictionary<string, string> Route, string ConfirmId, string Summary, string SummaryDetail, string Label, string Button,
    string Field = "Input.ConfirmDelete", string ButtonClass = "button button-danger", ConfirmationReason? Reason = null);

/// <summary>A required text in a <see cref="DeleteConfirmation"/>: its form field (also the key of its error), label and value as sent.</summary>
public sealed record ConfirmationReason(string Field, string Label, string? Value, int MaxLength);
