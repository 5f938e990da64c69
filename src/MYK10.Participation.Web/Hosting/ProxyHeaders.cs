using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS, every request comes from the proxy over plain http. With
/// <c>Proxy:KnownProxies</c> (the proxy's addresses) the site takes the visitor's address and scheme from the proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>: the rate limits count each visitor, not the proxy, and cookies
/// and HSTS know the connection is https. Without it the headers are ignored, since any client could send them.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "Proxy:KnownProxies";

    public static IApplicationBuilder UseProxyHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (proxies.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}: \"{proxy}\" is not an IP address."));
        }

        return app.UseForwardedHeaders(options);
    }
}
