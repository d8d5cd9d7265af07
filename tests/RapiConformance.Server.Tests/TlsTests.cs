using System.Security.Cryptography.X509Certificates;

namespace RapiConformance.Server.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task Https_uses_a_self_signed_certificate_kept_in_the_state_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rapi-tls-" + Guid.NewGuid().ToString("N")[..8]);
        string? first = null;
        for (var round = 0; round < 2; round++)
        {
            await using var server = await ReferenceServer.StartAsync(new ServerOptions { Port = 0, UseTls = true, StateDirectory = dir });
            Assert.Equal("https", server.BaseUri.Scheme);
            string? thumbprint = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                {
                    thumbprint = cert?.Thumbprint;
                    return true;
                },
            };
            using var http = new HttpClient(handler) { BaseAddress = server.BaseUri };
            Assert.Equal("2", await http.GetStringAsync("/version"));
            Assert.NotNull(thumbprint);
            first ??= thumbprint;
            Assert.Equal(first, thumbprint);
        }
        Assert.True(File.Exists(Path.Combine(dir, "rapi-cert.pem")));
        Directory.Delete(dir, recursive: true);
    }
}
