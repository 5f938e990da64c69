using System.Globalization;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Jobs;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Api;
using MYK10.Participation.Web.Feeds;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Hosting;

/// <summary>The composition root of the site.</summary>
public static class WebApp
{
    /// <summary>
    /// German, and English with British dates and times (04/01/2027 15:32, not 1/4/2027 3:32 PM); the English texts come
    /// from the *.en.resx resources, the parent of en-GB.
    /// </summary>
    public static readonly CultureInfo[] Cultures = [new("de-DE"), new("en-GB")];

    /// <summary>The supported culture named exactly or by its language ("en"), or null.</summary>
    public static CultureInfo? CultureFor(string? name) =>
        Cultures.FirstOrDefault(c => c.Name == name || c.TwoLetterISOLanguageName == name);

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Find() });
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;
        StructuredLogging.Configure(builder);

        services.AddParticipation(builder.Configuration, contentRoot);
        AddJobs(builder, contentRoot);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = SiteHtml.Settings);
        services.AddPageCache();
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Staff", Policies.Moderation);
                o.Conventions.AuthorizeFolder("/Moderation", Policies.Moderation);
                o.Conventions.AllowAnonymousToPage("/Staff/Anmelden");
                o.Conventions.AllowAnonymousToPage("/Staff/KeinZugriff");
                o.Conventions.AllowAnonymousToPage("/Staff/AnmeldenCode");
                // Policies combine, so the profile page (reached while the profile is incomplete) is not under a folder rule.
                o.Conventions.AuthorizePage("/Konto/Index", Policies.Participant);
                o.Conventions.AuthorizePage("/Konto/Profil", Policies.ParticipantSignedIn);
                o.Conventions.AuthorizePage("/Konto/Abmelden", Policies.ParticipantSignedIn);
                // Export and deletion are the participant's rights even before the profile is complete.
                o.Conventions.AuthorizePage("/Konto/Daten", Policies.ParticipantSignedIn);
                o.Conventions.AuthorizePage("/Konto/Loeschen", Policies.ParticipantSignedIn);
                o.Conventions.AuthorizePage("/Ideen/Neu", Policies.Participant);
                o.Conventions.AuthorizePage("/Ideen/Eingereicht", Policies.Participant);
                o.Conventions.AuthorizePage("/Ideen/Bearbeiten", Policies.Participant);
                o.Conventions.AuthorizePage("/Ideen/Zurueckziehen", Policies.Participant);
                o.Conventions.AuthorizePage("/Ideen/Melden", Policies.Participant);
                o.Conventions.AuthorizePage("/Strategie/Melden", Policies.Participant);
                o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            })
            // Forms are checked on the server only (the site runs no validation script): without this, fields would carry
            // unused data-val-* attributes with the framework's English messages.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, ValidationAdapters>();
        // Model binding's own messages ("The value '' is invalid.") in the visitor's language too.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            var text = factory.Create(typeof(SharedResource));
            o.ModelBinderProviders.Insert(0, new CheckboxBinding());
            o.ModelBinderProviders.Insert(0, new LineEndBinding());
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Binding.Invalid", value]);
            messages.SetValueIsInvalidAccessor(value => text["Binding.Invalid", value]);
            messages.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding.Invalid", value]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Unknown"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Unknown"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // German unless the visitor chose otherwise; the browser's language alone does not switch the site.
            o.RequestCultureProviders = [new LanguageCookieCultureProvider()];
        });

        services.AddAuthentication(Policies.StaffScheme)
            .AddCookie(Policies.StaffScheme, o =>
            {
                o.Cookie.Name = "myk10.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/staff/anmelden";
                o.LogoutPath = "/staff/abmelden";
                o.AccessDeniedPath = "/staff/kein-zugriff";
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateStaffAsync;
            })
            .AddCookie(Policies.ParticipantScheme, o =>
            {
                o.Cookie.Name = "myk10.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/konto/anmelden";
                o.LogoutPath = "/konto/abmelden";
                // Signed in but without a completed profile: finish the profile first.
                o.AccessDeniedPath = "/konto/profil";
                o.ExpireTimeSpan = TimeSpan.FromDays(30);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateParticipantAsync;
            });
        // Inactivity ends a staff session: requests within the window extend it (sliding expiration). Read when the
        // options are built, so a test host's configuration counts.
        services.AddOptions<CookieAuthenticationOptions>(Policies.StaffScheme).Configure<IConfiguration>((o, configuration) =>
            o.ExpireTimeSpan = configuration.GetValue("Staff:IdleTimeout", TimeSpan.FromMinutes(30)));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.AddAuthenticationSchemes(Policies.StaffScheme).RequireRole(StaffRoles.Admin))
            .AddPolicy(Policies.Moderation, p => p.AddAuthenticationSchemes(Policies.StaffScheme).RequireRole(StaffRoles.Admin, StaffRoles.Moderator))
            .AddPolicy(Policies.ParticipantSignedIn, p => p.AddAuthenticationSchemes(Policies.ParticipantScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Participant, p => p.AddAuthenticationSchemes(Policies.ParticipantScheme)
                .RequireClaim(ParticipantIdentity.ProfileClaim, ParticipantIdentity.ProfileComplete));
        services.AddSingleton<RateLimits>();
        services.AddSurveysWeb();
        services.AddSingleton<TwoFactorTicket>();
        services.AddRequestLimits();
        services.AddSingleton(sp => new SingleSite(sp.GetRequiredService<IDbConnectionFactory>(),
            JobsDatabase(sp.GetRequiredService<IConfiguration>(), contentRoot)));
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton(new SiteStarted(DateTime.UtcNow));
        // Admin pages pass a one-time result message across a redirect; the cookie is named like the others and listed in /datenschutz.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "myk10.hinweis";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "myk10.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>
    /// Takes the data folder (<see cref="SingleSite"/>), migrates the database and registers recurring jobs; call before
    /// the app runs.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<SingleSite>().HoldAsync();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(),
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MYK10.Participation.Moderation.ModerationReminderOptions>>().Value);
        await RecurringJobs.RegisterCouncilDigestsAsync(app.Services.GetRequiredService<MYK10.Participation.Digests.DigestSchedules>());
        var site = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value;
        if (!app.Environment.IsDevelopment() && site.PublicAddressProblem() is { } problem)
        {
            app.Logger.LogWarning("Site:BaseUrl is {BaseUrl}, but {Problem}: sign-in, unsubscribe and idea links in mail will not work for citizens. Set Site:BaseUrl to the site's public https address.", site.BaseUrl, problem);
        }

        var legal = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MYK10.Participation.Legal.LegalOptions>>().Value;
        if (!app.Environment.IsDevelopment() && legal.Missing() is { Count: > 0 } missing)
        {
            app.Logger.LogWarning("The imprint, privacy notice and accessibility statement show placeholders and a draft note until these are set: {Missing}", string.Join(", ", missing));
        }

        var transport = app.Services.GetRequiredService<IMailTransport>();
        app.Logger.LogInformation("Mail goes to {Transport}", transport.Description);
        if (transport is PickupDirectoryMailTransport)
        {
            app.Logger.LogWarning("No SMTP host configured (Mail:Smtp:Host): messages are written as .eml files to {Directory}", ((PickupDirectoryMailTransport)transport).Directory);
        }
    }

    private static void AddJobs(WebApplicationBuilder builder, string contentRoot)
    {
        // Paths and intervals are read when the services are built, so a test host's configuration counts.
        // The storage and the activator are this host's own, registered before AddHangfire (which adds the process-wide
        // JobStorage.Current and JobActivator.Current only when none is there): the last host to start overwrites those,
        // so with several hosts in one process (the test suite) one host's server could run jobs in another's services.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var jobsDatabase = JobsDatabase(configuration, contentRoot);
            SqliteConnectionFactory.EnsureDirectory(jobsDatabase);
            return new SQLiteStorage(jobsDatabase, new SQLiteStorageOptions { QueuePollInterval = PollInterval(configuration) });
        });
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            builder.Services.AddHangfireServer((sp, options) =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 2);
                options.SchedulePollingInterval = PollInterval(configuration);
                options.ServerName = $"web-{Environment.MachineName}";
            });
        }
    }

    private static string JobsDatabase(IConfiguration configuration, string contentRoot) => new SqliteConnectionStringBuilder(
        DataPaths.ResolveConnectionString(configuration.GetConnectionString("Jobs"), DataPaths.DefaultJobs, contentRoot)).DataSource;

    private static TimeSpan PollInterval(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Jobs:PollIntervalSeconds", 5.0));

    private static void Configure(WebApplication app)
    {
        app.UseProxyHeaders();
        app.UseRequestLog();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fehler/500");
            app.UseHsts();
        }
        else
        {
            app.UseExceptionHandler("/fehler/500");
        }

        app.UseSecurityHeaders();
        app.UseOpenDataLicense();
        app.UseErrorStatusPages();
        app.UseBodySizeLimit();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRequestRoute();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseCombinedUser();
        app.UseActingStaff();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePageCache();

        app.MapHealth();
        app.MapLiveness();
        app.MapSecurityTxt();
        app.MapIdeasApi();
        app.MapIdeaFeed();
        app.MapSitemap();
        app.MapRobotsTxt();
        app.MapStrategyApi();
        app.MapVoteEndpoints();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
            {
                // Access is decided by the endpoint's policy below; Hangfire's own filter would allow local requests only.
                Authorization = [],
                AppPath = "/admin",
                DashboardTitle = "MYK10 – Hintergrundaufgaben",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(Policies.Admin);
        app.MapSurveysApi();
        app.MapStaffSessionKeepAlive();
        app.MapRazorPages();
    }
}
