using System.Net;
using Hangfire;
using Hangfire.Storage;
using MYK10.Participation.Digests;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Digests;

public sealed class DigestPagesTests(DigestPagesTests.Site site) : IClassFixture<DigestPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task CreateCouncil_InvalidInput_ShowsGermanMessagesBesideTheFields()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        using var response = await admin.PostFormAsync("/admin/gremien/neu", new()
        {
            ["Input.Name"] = "",
            ["Input.MunicipalityId"] = "",
            ["Input.Cron"] = "jeden Montag",
        });
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bitte geben Sie den Namen des Gremiums an.", document.QuerySelector("#Input_Name-error")!.TextContent.Trim());
        Assert.Equal("Bitte wählen Sie das Gebiet des Gremiums.", document.QuerySelector("#Input_MunicipalityId-error")!.TextContent.Trim());
        Assert.StartsWith("Der Zeitplan ist kein gültiger Cron-Ausdruck", document.QuerySelector("#Input_Cron-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Input_Cron']"));
    }

    [Fact]
    public async Task CouncilLifecycle_KeepsTheRecurringJobInStep_CreatedRescheduledRemoved()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var name = $"Stadtrat Mayen {Guid.NewGuid():N}"[..24];

        using var created = await admin.PostFormAsync("/admin/gremien/neu", new()
        {
            ["Input.Name"] = name,
            ["Input.MunicipalityId"] = "mayen",
            ["Input.Cron"] = "0 7 * * 1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var councilUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = long.Parse(councilUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0 7 * * 1", Job(id)?.Cron);
        Assert.Equal("Europe/Berlin", Job(id)?.TimeZoneId);

        using var duplicate = await admin.PostFormAsync("/admin/gremien/neu", new() { ["Input.Name"] = name.ToUpperInvariant(), ["Input.MunicipalityId"] = "mayen", ["Input.Cron"] = "0 7 * * 1" });
        Assert.Equal("Ein Gremium mit diesem Namen gibt es bereits.", (await duplicate.ReadDocumentAsync()).QuerySelector("#Input_Name-error")!.TextContent.Trim());

        using var rescheduled = await admin.PostFormAsync(councilUrl, new() { ["Input.Name"] = name, ["Input.MunicipalityId"] = "mayen", ["Input.Cron"] = "0 18 * * 5", ["Input.Active"] = "true" }, "form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, rescheduled.StatusCode);
        Assert.Equal("0 18 * * 5", Job(id)?.Cron);

        // An unchecked checkbox posts only its hidden "false": the council pauses and its job goes.
        using var paused = await admin.PostFormAsync(councilUrl, new() { ["Input.Name"] = name, ["Input.MunicipalityId"] = "mayen", ["Input.Cron"] = "0 18 * * 5", ["Input.Active"] = "false" }, "form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Null(Job(id));
        Assert.Contains("pausiert", (await admin.GetDocumentAsync("/admin/gremien")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        using var deleted = await admin.PostFormAsync($"{councilUrl}/loeschen", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await site.Get<CouncilStore>().FindAsync(id));
        using var gone = await admin.GetAsync(councilUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task DeleteCouncil_AsksFirst_NamingWhatGoes_AndOnlyTheConfirmationDeletes()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var council = (await site.Get<CouncilStore>().FindAsync(councilId))!;
        var edit = await admin.GetDocumentAsync($"/admin/gremien/{councilId}");

        Assert.Null(edit.QuerySelector("form[action*='handler=Delete']"));
        var link = edit.QuerySelector($"a[href='/admin/gremien/{councilId}/loeschen']")!;
        Assert.Equal("Gremium löschen …", link.TextContent);
        var confirm = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal($"Gremium löschen: {council.Name}", confirm.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2 Empfänger·innen", "1 gespeicherter Bericht mit seinen Zustellungen", "der Zeitplan für den Versand"],
            confirm.QuerySelectorAll("main li").Select(li => li.TextContent));
        Assert.Equal($"/admin/gremien/{councilId}", confirm.QuerySelector("main form a.cancel-link")!.GetAttribute("href"));
        Assert.NotNull(await site.Get<CouncilStore>().FindAsync(councilId));

        using var deleted = await admin.SubmitFormAsync(confirm, $"/admin/gremien/{councilId}/loeschen", []);
        Assert.Equal("/admin/gremien?hinweis=geloescht", deleted.Headers.Location!.OriginalString);
        Assert.Null(await site.Get<CouncilStore>().FindAsync(councilId));
        Assert.Equal(0L, (await site.Get<CouncilStore>().DeletionScopeAsync(councilId)).Digests);
    }

    [Fact]
    public async Task EditPage_InEnglish_KeepsTheCouncilsNameAsAGermanElement_BesideTheEnglishLabel()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync("Verbandsgemeinderat Maifeld");
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var url = $"/admin/gremien/{councilId}";

        var (german, english) = await admin.GermanThenEnglishAsync(url);
        var list = await admin.GetDocumentAsync("/admin/gremien");

        Assert.Null(german.QuerySelector("main [lang]"));
        var heading = english.QuerySelector("h1")!;
        Assert.Equal(("Edit council: Verbandsgemeinderat Maifeld", "Verbandsgemeinderat Maifeld"), (heading.TextContent, heading.QuerySelector("span[lang=de]")?.TextContent));
        Assert.Null(heading.GetAttribute("lang"));
        Assert.Equal("de", list.QuerySelector($"main th:has(a[href='{url}'])")!.GetAttribute("lang"));
        Assert.Equal(("de", null), (english.QuerySelector("input[name='Input.Name']")!.GetAttribute("lang"), english.QuerySelector("input[name='Input.Cron']")!.GetAttribute("lang")));
    }

    [Fact]
    public async Task DigestPages_InEnglish_KeepTheCouncilsNameAndTheGermanDigestAsGermanElements()
    {
        var (councilId, digestId) = await site.CouncilWithDigestAsync("Verbandsgemeinderat Pellenz");
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var list = $"/admin/gremien/{councilId}/berichte";

        var (german, english) = await admin.GermanThenEnglishAsync(list);
        var digest = await admin.GetDocumentAsync($"{list}/{digestId}");
        var preview = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/vorschau");

        Assert.Null(german.QuerySelector("main [lang]"));
        foreach (var (page, heading) in new[] { (english, "Digests: Verbandsgemeinderat Pellenz"), (preview, "Preview: Verbandsgemeinderat Pellenz") })
        {
            var h1 = page.QuerySelector("h1")!;
            Assert.Equal((heading, "Verbandsgemeinderat Pellenz", null), (h1.TextContent, h1.QuerySelector("span[lang=de]")?.TextContent, h1.GetAttribute("lang")));
        }

        Assert.Equal("de", english.QuerySelector($"#digest-{digestId}")!.GetAttribute("lang"));
        Assert.Null(english.QuerySelector("caption [lang]")); // the period is no German text
        foreach (var page in new[] { digest, preview })
        {
            Assert.Equal(("de", "de"), (page.QuerySelector(".details dd")!.GetAttribute("lang"), page.QuerySelector("pre.digest-text")!.GetAttribute("lang")));
            Assert.Null(page.QuerySelector(".details dt[lang]"));
        }

        var caption = digest.QuerySelector("caption")!;
        Assert.StartsWith("Delivery: MYK10 Bürgerbeteiligung", caption.TextContent, StringComparison.Ordinal);
        Assert.Equal(caption.TextContent[10..], caption.QuerySelector("span[lang=de]")?.TextContent);
    }

    [Fact]
    public async Task RecipientAndDeletePages_InEnglish_KeepTheNamesAsGermanElements_BesideTheEnglishWords()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync("Stadtrat Mayen");
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var recipients = $"/admin/gremien/{councilId}/empfaenger";

        var (german, english) = await admin.GermanThenEnglishAsync(recipients);
        var remove = english.QuerySelectorAll("a[href*='/entfernen']").Single(a => a.TextContent.Contains("Andrea Becker", StringComparison.Ordinal));
        var confirm = await admin.GetDocumentAsync(remove.GetAttribute("href")!);
        var delete = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/loeschen");
        var edit = await admin.GetDocumentAsync($"/admin/gremien/{councilId}");

        Assert.Null(german.QuerySelector("main :not(th)[lang]"));
        Assert.Equal(("Recipients: Stadtrat Mayen", "Stadtrat Mayen"), (english.QuerySelector("h1")!.TextContent, english.QuerySelector("h1 span[lang=de]")?.TextContent));
        Assert.Equal(("Remove: Andrea Becker", "Andrea Becker"), (remove.TextContent, remove.QuerySelector("span[lang=de]")?.TextContent));
        Assert.Equal(["Andrea Becker", "Stadtrat Mayen"], confirm.QuerySelectorAll("main p span[lang=de]").Select(s => s.TextContent));
        Assert.Equal(["Stadtrat Mayen", "Stadtrat Mayen"], delete.QuerySelectorAll("main :is(h1, p) span[lang=de]").Select(s => s.TextContent).Take(2));
        Assert.Contains(edit.QuerySelectorAll("select[name='Input.MunicipalityId'] option[lang=de]"), o => o.TextContent.Contains("Andernach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsubscribePage_InEnglish_KeepsTheCouncilsAndRecipientsNamesAsGermanElements()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync("Stadtrat Bendorf");
        var path = await site.UnsubscribePathAsync($"andrea.{councilId}@andernach.example.org");

        var (german, english) = await site.CreateBrowserLikeClient().GermanThenEnglishAsync(path);

        Assert.Null(german.QuerySelector("main [lang]"));
        var question = english.QuerySelector("main p:has(span[lang=de])")!;
        Assert.StartsWith("Do you want to stop", question.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Andrea Becker", "Stadtrat Bendorf"], question.QuerySelectorAll("span[lang=de]").Select(s => s.TextContent));
    }

    [Fact]
    public async Task RemoveRecipient_AsksFirst_AndOnlyTheConfirmationRemoves()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var recipient = (await site.Get<CouncilStore>().RecipientsAsync(councilId)).First(r => r.Name == "Andrea Becker");
        var list = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/empfaenger");

        Assert.Null(list.QuerySelector("form[action*='handler=Remove']"));
        var link = list.QuerySelector($"a[href='/admin/gremien/{councilId}/empfaenger/{recipient.Id}/entfernen']")!;
        Assert.Equal("Entfernen: Andrea Becker", link.TextContent);
        var confirm = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal("Empfänger·in entfernen: Andrea Becker", confirm.QuerySelector("h1")!.TextContent);
        Assert.Contains(recipient.Email, confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Count);

        using var removed = await admin.SubmitFormAsync(confirm, $"/admin/gremien/{councilId}/empfaenger/{recipient.Id}/entfernen", []);
        Assert.Equal($"/admin/gremien/{councilId}/empfaenger?hinweis=entfernt", removed.Headers.Location!.OriginalString);
        Assert.Equal(["Thomas Schmitt"], (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Select(r => r.Name));
        using var again = await admin.GetAsync($"/admin/gremien/{councilId}/empfaenger/{recipient.Id}/entfernen");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RecipientImport_WithErrors_NamesTheLinesInGerman_AndAddsNothing()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var url = $"/admin/gremien/{councilId}/empfaenger";

        using var response = await admin.PostFormAsync(url, new() { ["Input.List"] = "Name;E-Mail\nPaula Pohl;paula@example.org\nohne Semikolon\n;leer@example.org\nKarl Klein;karl@example\nPaula Zwei;PAULA@example.org" }, "form[action*='handler=Import']");
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Zeile 3: „ohne Semikolon“ hat nicht die Form „Name;E-Mail“.",
            "Zeile 4: Der Name fehlt.",
            "Zeile 5: „Karl Klein;karl@example“ enthält keine gültige E-Mail-Adresse.",
            "Zeile 6: Diese E-Mail-Adresse steht weiter oben schon in der Liste.",
        ], errors);
        Assert.Equal(2, (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Count);
    }

    [Fact]
    public async Task RecipientImport_FromUploadedCsvFile_InLatin1WithCommas_AddsTheRecipients()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var url = $"/admin/gremien/{councilId}/empfaenger";
        var document = await admin.GetDocumentAsync(url);
        var form = document.QuerySelector("form[action*='handler=Import']")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(document.QuerySelector("label[for=Input_File]"));

        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes("Name,E-Mail\r\nJürgen Müller,juergen@example.org\r\nGrete Weiß,grete@example.org\r\n")), "Input.File", "gremium.csv" },
        };
        using var response = await admin.PostAsync(form.GetAttribute("action"), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var names = (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Select(r => r.Name).ToList();
        Assert.Contains("Jürgen Müller", names);
        Assert.Contains("Grete Weiß", names);
    }

    [Fact]
    public async Task RecipientImport_FileTooLarge_IsRefusedNextToTheField()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var url = $"/admin/gremien/{councilId}/empfaenger";
        var form = (await admin.GetDocumentAsync(url)).QuerySelector("form[action*='handler=Import']")!;

        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[RecipientImport.MaxFileBytes + 1]), "Input.File", "gross.csv" },
        };
        using var response = await admin.PostAsync(form.GetAttribute("action"), content);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("größer als 256 KB", page.QuerySelector("#Input_File")!.ParentElement!.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Count);
    }

    [Fact]
    public async Task RecipientImport_Valid_AddsNewAndSkipsKnownAddresses()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var url = $"/admin/gremien/{councilId}/empfaenger";

        using var response = await admin.PostFormAsync(url, new() { ["Input.List"] = $"Paula Pohl;paula@example.org\r\nAndrea Becker;ANDREA.{councilId}@andernach.example.org\r\n" }, "form[action*='handler=Import']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("Import abgeschlossen: 1 neu, 1 bereits vorhanden.", page.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Contains("paula@example.org", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Count);
    }

    [Fact]
    public async Task Unsubscribe_GetConfirms_PostUnsubscribes_OneClickWorksWithoutToken_AllIdempotent_AdminSeesIt()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var email = $"andrea.{councilId}@andernach.example.org";
        var path = await site.UnsubscribePathAsync(email);
        var visitor = site.CreateBrowserLikeClient();

        var confirm = await visitor.GetDocumentAsync(path);
        Assert.Contains(email, confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirm.QuerySelector("main form[method=post] button"));
        Assert.Null((await site.Get<CouncilStore>().RecipientsAsync(councilId)).Single(r => r.Email == email).UnsubscribedAt);

        // RFC 8058: the mail provider POSTs this body, with no cookie and no antiforgery token.
        using var oneClick = await site.CreateClient().PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var unsubscribedAt = (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Single(r => r.Email == email).UnsubscribedAt;
        Assert.NotNull(unsubscribedAt);

        using var again = await visitor.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(unsubscribedAt, (await site.Get<CouncilStore>().RecipientsAsync(councilId)).Single(r => r.Email == email).UnsubscribedAt);
        Assert.Contains("bereits seit", (await visitor.GetDocumentAsync(path)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var recipients = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/empfaenger");
        var row = recipients.QuerySelectorAll("main tbody tr").Single(tr => tr.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("abgemeldet am", row.TextContent, StringComparison.Ordinal);

        using var unknown = await visitor.GetAsync("/gremien/abmelden/unbekannt");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DigestList_ShowsDeliveryPerRecipient_WithTheServersReasonForFailures()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, digestId) = await site.CouncilWithDigestAsync();
        var failed = (await site.Get<CouncilStore>().DeliveriesAsync(councilId)).First();
        await using (var connection = await site.Get<MYK10.Participation.Data.IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                // The site's outbox may have sent it already: record the refusal as the sender does for a 5xx.
                "UPDATE mail_outbox SET status = 'failed', sent_at = NULL, lease_id = NULL, lease_until = NULL, last_error = '550 5.1.1 Mailbox unbekannt' WHERE id = (SELECT outbox_id FROM digest_deliveries WHERE id = @Id)", new { failed.Id });
        }

        var page = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/berichte");

        var row = page.QuerySelectorAll("main tbody tr").Single(tr => tr.TextContent.Contains(failed.RecipientEmail, StringComparison.Ordinal));
        Assert.Contains("fehlgeschlagen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 Mailbox unbekannt", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/admin/gremien/{councilId}/berichte/{digestId}']"));
    }

    [Fact]
    public async Task DigestView_ShowsTheText_HtmlPartHasItsOwnPolicy_AndResendRecordsANewDelivery()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, digestId) = await site.CouncilWithDigestAsync();
        var url = $"/admin/gremien/{councilId}/berichte/{digestId}";

        var view = await admin.GetDocumentAsync(url);
        Assert.Contains("Wochenbericht für Andernach", view.QuerySelector("pre.digest-text")!.TextContent, StringComparison.Ordinal);
        using var html = await admin.GetAsync(url + "?handler=Html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("style-src 'unsafe-inline'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same form sent twice (a double click) queues one copy; the page shown again offers the next one.
        var page = await admin.GetDocumentAsync(url);
        using var resend = await admin.SubmitFormAsync(page, url, [], "main form[action*='handler=Resend']");
        using var again = await admin.SubmitFormAsync(page, url, [], "main form[action*='handler=Resend']");
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (resend.StatusCode, again.StatusCode));
        var deliveries = await site.Get<CouncilStore>().DeliveriesAsync(councilId, digestId);
        Assert.Equal(3, deliveries.Count);
        Assert.Single(deliveries, d => d.Copy == 1 && d.RequestedBy!.EndsWith("@kvmyk.de", StringComparison.Ordinal));

        using var later = await admin.PostFormAsync(url, [], "main form[action*='handler=Resend']");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Contains(await site.Get<CouncilStore>().DeliveriesAsync(councilId, digestId), d => d.Copy == 2);
    }

    [Fact]
    public async Task Preview_ShowsTheNextDigest_WithoutStoringOrSending()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var digestsBefore = (await site.Get<CouncilStore>().DigestsAsync(councilId)).Count;

        var preview = await admin.GetDocumentAsync($"/admin/gremien/{councilId}/vorschau");

        Assert.Contains("für Andernach", preview.QuerySelector("main dd")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("pre.digest-text"));
        Assert.Equal(digestsBefore, (await site.Get<CouncilStore>().DigestsAsync(councilId)).Count);
    }

    [Fact]
    public async Task CouncilList_RecipientAndDigestLinks_NameTheirCouncil()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        await site.CouncilWithDigestAsync();
        await site.CouncilWithDigestAsync();

        var list = await admin.GetDocumentAsync("/admin/gremien");

        LinkNames.AssertOneNameOneTarget(list);
    }

    [Theory]
    [InlineData("/admin/gremien")]
    [InlineData("/admin/gremien/neu")]
    public async Task CouncilPages_ModeratorIsForbidden(string url)
    {
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var response = await moderator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private RecurringJobDto? Job(long councilId)
    {
        using var connection = site.Get<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == DigestSchedules.JobId(councilId));
    }
}
