using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RapiConformance.Client;

/// <summary>Decides whether to trust the server's certificate: system roots, a given CA, or anything (--insecure).</summary>
internal static class ServerTrust
{
    public static RemoteCertificateValidationCallback? Callback(RapiClientOptions options)
    {
        if (options.Insecure) return (_, _, _, _) => true;
        if (options.CaCertificatePath is null) return null;
        var roots = LoadCertificates(options.CaCertificatePath);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            using var leaf = new X509Certificate2(certificate);
            return chain.Build(leaf);
        };
    }

    private static X509Certificate2Collection LoadCertificates(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CA certificate file not found: {path}", path);
        var collection = new X509Certificate2Collection();
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) collection.ImportFromPem(text);
        else collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        if (collection.Count == 0) throw new InvalidDataException($"no certificate in {path}");
        return collection;
    }
}
