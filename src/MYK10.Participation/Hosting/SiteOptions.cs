namespace MYK10.Participation.Hosting;

/// <summary>Configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Public address of the site, used for links in mail, for example <c>https://beteiligung.kvmyk.de</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
