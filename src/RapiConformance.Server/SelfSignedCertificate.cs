using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RapiConformance.Server;

/// <summary>The server's TLS certificate: given as PEM files, or self-signed once and kept in the state directory.</summary>
public static class SelfSignedCertificate
{
    public static X509Certificate2 LoadOrCreate(string stateDirectory, string? certFile, string? keyFile)
    {
        if (certFile is not null)
            return X509Certificate2.CreateFromPemFile(certFile, keyFile ?? certFile);
        var cert = Path.Combine(stateDirectory, "rapi-cert.pem");
        var key = Path.Combine(stateDirectory, "rapi-key.pem");
        if (File.Exists(cert) && File.Exists(key)) return Loadable(X509Certificate2.CreateFromPemFile(cert, key));
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost, O=RapiConformance reference server", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllText(cert, created.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return Loadable(X509Certificate2.CreateFromPemFile(cert, key));
    }

    // Kestrel on Linux wants a certificate whose key is not ephemeral.
    private static X509Certificate2 Loadable(X509Certificate2 pem)
    {
        using (pem)
        {
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
    }
}
