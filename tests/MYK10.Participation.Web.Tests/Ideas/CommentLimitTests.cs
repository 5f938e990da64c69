using System.Net;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

/// <summary>The comment limit counts comments, not texts sent back for their length; the length counts line ends once.</summary>
public sealed class CommentLimitTests(CommentLimitTests.Site site) : IClassFixture<CommentLimitTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["RateLimits:Comment:PermitLimit"] = "1" });

    [Theory]
    [InlineData("idea")]
    [InlineData("measure")]
    public async Task AnEmptyComment_IsSentBack_WithoutUsingUpTheLimit(string thread)
    {
        var (path, form) = thread == "idea" ? ($"/ideen/{await IdeaAsync()}", "form#kommentieren") : ($"/strategie/massnahmen/{await site.Services.MeasureAsync()}", "form[action*='handler=Comment']");
        var (writer, _) = await site.ParticipantClientAsync();

        using var empty = await writer.PostFormAsync(path, new() { ["Input.Comment"] = "   " }, form);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await empty.ReadDocumentAsync()).QuerySelector("#Input_Comment-error"));

        using var comment = await writer.PostFormAsync(path, new() { ["Input.Comment"] = "Jetzt mit Inhalt." }, form);
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
    }

    [Theory]
    [InlineData("idea", 0, "Bitte schreiben Sie einen Kommentar.")]
    [InlineData("measure", 0, "Bitte schreiben Sie einen Kommentar.")]
    [InlineData("idea", 2001, "Ein Kommentar darf höchstens 2.000 Zeichen lang sein.")]
    [InlineData("measure", 2001, "Ein Kommentar darf höchstens 2.000 Zeichen lang sein.")]
    public async Task ARefusedComment_SaysWhy_AndTheFieldsHint_AlikeOnIdeasAndMeasures(string thread, int length, string message)
    {
        var (path, form) = thread == "idea" ? ($"/ideen/{await IdeaAsync()}", "form#kommentieren") : ($"/strategie/massnahmen/{await site.Services.MeasureAsync()}", "form[action*='handler=Comment']");
        var (writer, _) = await site.ParticipantClientAsync();

        using var refused = await writer.PostFormAsync(path, new() { ["Input.Comment"] = length == 0 ? "   " : new string('x', length) }, form);

        var page = await refused.ReadDocumentAsync();
        Assert.Equal(message, page.QuerySelector("#Input_Comment-error")?.TextContent.Trim());
        Assert.Equal("Höchstens 2.000 Zeichen. Kommentare erscheinen sofort; bitte bleiben Sie sachlich.", page.QuerySelector("#comment-hint")?.TextContent.Trim());
        Assert.Equal("comment-hint Input_Comment-error", page.QuerySelector("#Input_Comment")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task ACommentOfTheLongestLength_WithLineBreaksAsTheBrowserSendsThem_IsStored()
    {
        var id = await IdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        // 2,000 characters with its 333 line ends counted once, as the text field counts them; 2,333 as CRLF in the form.
        var text = string.Concat(Enumerable.Repeat("Zeile\r\n", 333)) + "ab";

        using var comment = await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = text }, "form#kommentieren");

        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
    }

    private async Task<long> IdeaAsync()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var result = await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(),
            new IdeaSubmission("Mehr Bänke am Rheinufer", "Zum Ausruhen beim Spaziergang in Andernach.", "tourismus", "andernach", null));
        await connections.PublishAsync(result.IdeaId!.Value);
        return result.IdeaId.Value;
    }
}
