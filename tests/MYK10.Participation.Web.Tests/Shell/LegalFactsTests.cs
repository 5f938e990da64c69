using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class LegalFactsTests
{
    private static readonly string[] LegalPages = ["/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/regeln", "/admin/verarbeitungen"];

    [Fact]
    public async Task WithoutTheDistrictsFacts_TheLegalPagesShowPlaceholdersAndADraftNote()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });

        var imprint = await site.CreateBrowserLikeClient().GetDocumentAsync("/impressum");

        Assert.NotNull(imprint.QuerySelector(".draft-note"));
        Assert.Contains("[Name des Landrats ausfüllen]", imprint.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Umsatzsteuer", imprint.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // optional, not set
        using var securityTxt = await site.CreateBrowserLikeClient().GetAsync("/.well-known/security.txt"); // no contact, no file
        Assert.Equal(HttpStatusCode.NotFound, securityTxt.StatusCode);
    }

    [Fact]
    public async Task WithEveryFactConfigured_NoPlaceholderAndNoDraftNoteRemain_InGermanAndEnglish()
    {
        var facts = typeof(MYK10.Participation.Legal.LegalOptions).GetProperties()
            .ToDictionary(p => $"Legal:{p.Name}", p => (string?)$"Angabe {p.Name}");
        facts["Legal:Email"] = "smartcity@kvmyk.example";
        facts["Jobs:Server"] = "false";
        await using var site = new SiteFactory(facts);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        using (await admin.PostFormAsync("/", new() { ["Input.Culture"] = "de", ["Input.ReturnUrl"] = "/" }, "form.language-switch"))
        {
        }

        foreach (var culture in new[] { "de", "en" })
        {
            using (await admin.PostFormAsync("/", new() { ["Input.Culture"] = culture, ["Input.ReturnUrl"] = "/" }, "form.language-switch"))
            {
            }

            foreach (var page in LegalPages)
            {
                var document = await admin.GetDocumentAsync(page);
                var main = document.QuerySelector("main")!.TextContent;
                Assert.True(document.QuerySelector(".draft-note") is null, $"{page} ({culture}) still says it is a draft");
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(main, @"\[[^\]]*(ausfüllen|festlegen|to be filled in|to be set)[^\]]*\]"), $"{page} ({culture}) still has a placeholder");
            }

            var imprint = await admin.GetDocumentAsync("/impressum");
            Assert.Contains("Angabe Representative", imprint.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Angabe VatId", imprint.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("mailto:smartcity@kvmyk.example", imprint.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
        }

        // Security problems are reported to the same address (RFC 9116), with an expiry that stays ahead of today.
        using var securityTxt = await site.CreateBrowserLikeClient().GetAsync("/.well-known/security.txt");
        Assert.Equal(HttpStatusCode.OK, securityTxt.StatusCode);
        Assert.Equal("text/plain", securityTxt.Content.Headers.ContentType?.MediaType);
        var fields = (await securityTxt.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2)).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal("mailto:smartcity@kvmyk.example", fields["Contact"]);
        var expires = DateTimeOffset.Parse(fields["Expires"], System.Globalization.CultureInfo.InvariantCulture);
        var now = site.Get<TimeProvider>().GetUtcNow();
        Assert.InRange(expires, now.AddDays(150), now.AddDays(365));
        Assert.EndsWith("/.well-known/security.txt", fields["Canonical"], StringComparison.Ordinal);
    }
}
