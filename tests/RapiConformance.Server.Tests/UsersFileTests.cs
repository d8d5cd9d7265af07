namespace RapiConformance.Server.Tests;

public sealed class UsersFileTests
{
    [Fact]
    public async Task Users_file_is_reloaded_when_it_changes()
    {
        await using var f = await ServerFixture.StartAsync();
        Assert.Equal(401, (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "newbie")).Status);
        await File.AppendAllTextAsync(f.UsersPath, "newbie wrong write\n");
        await File.WriteAllTextAsync(f.UsersPath, ServerFixture.Users + "# added while running\nnewbie {CLEARTEXT}wrong write\n");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int status;
        do
        {
            await Task.Delay(100);
            status = (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "newbie")).Status;
        }
        while (status != 200 && DateTime.UtcNow < deadline);
        Assert.Equal(200, status);

        // Removing the write option takes effect too: 403 instead of 200.
        await File.WriteAllTextAsync(f.UsersPath, ServerFixture.Users + "newbie wrong\n");
        deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            await Task.Delay(100);
            status = (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "newbie")).Status;
        }
        while (status != 403 && DateTime.UtcNow < deadline);
        Assert.Equal(403, status);
    }

    [Fact]
    public async Task A_same_size_edit_with_the_old_mtime_is_still_seen()
    {
        await using var f = await ServerFixture.StartAsync();
        Assert.Equal(200, (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "admin")).Status);
        var mtime = File.GetLastWriteTimeUtc(f.UsersPath);
        var text = await File.ReadAllTextAsync(f.UsersPath);
        // adminpw -> adminpx: same length; then the old mtime put back (as rsync -t or a restore would).
        await File.WriteAllTextAsync(f.UsersPath, text.Replace("admin adminpw", "admin adminpx", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(f.UsersPath, mtime);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int status;
        do
        {
            await Task.Delay(100);
            status = (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "admin")).Status;
        }
        while (status != 401 && DateTime.UtcNow < deadline);
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_users_file_without_end_is_refused_not_read_into_memory()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await ServerFixture.StartAsync(o => o with { UsersFile = "/dev/zero" }));
        Assert.Contains("larger than", e.Message, StringComparison.Ordinal);
        // Grown past the cap while running: the previous users stay.
        await using var f = await ServerFixture.StartAsync();
        await File.AppendAllTextAsync(f.UsersPath, "# " + new string('x', Auth.UsersFile.MaxBytes) + "\n");
        await Task.Delay(500);
        Assert.Equal(200, (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=a", "admin")).Status);
    }

    [Fact]
    public async Task A_user_removed_under_load_is_never_accepted_after_the_first_refusal()
    {
        await using var f = await ServerFixture.StartAsync();
        await File.WriteAllTextAsync(f.UsersPath, ServerFixture.Users + "newbie {cleartext}wrong read\n");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await f.SendAsync(HttpMethod.Get, "/2/query/instance?fields=name", "newbie")).Status != 200 && DateTime.UtcNow < deadline) await Task.Delay(50);
        long firstRefusalDone = long.MaxValue;
        var staleAccepts = 0;
        var accepted = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var status = (await f.SendAsync(HttpMethod.Get, "/2/query/instance?fields=name", "newbie")).Status;
                if (status == 200)
                {
                    Interlocked.Increment(ref accepted);
                    if (started > Interlocked.Read(ref firstRefusalDone)) Interlocked.Increment(ref staleAccepts);
                }
                else if (status == 401)
                {
                    var done = System.Diagnostics.Stopwatch.GetTimestamp();
                    long seen;
                    while (done < (seen = Interlocked.Read(ref firstRefusalDone)) && Interlocked.CompareExchange(ref firstRefusalDone, done, seen) != seen) { }
                }
            }
        })).ToList();
        await Task.Delay(700);
        // Replaced atomically, as an editor or config management does.
        var temp = f.UsersPath + ".new";
        await File.WriteAllTextAsync(temp, ServerFixture.Users);
        File.Move(temp, f.UsersPath, overwrite: true);
        await Task.WhenAll(clients);
        Assert.True(accepted > 0, "no request was accepted before the change");
        Assert.NotEqual(long.MaxValue, Interlocked.Read(ref firstRefusalDone));
        Assert.Equal(0, staleAccepts);
    }

    [Fact]
    public void Parses_Ganeti_users_format()
    {
        var users = Auth.UsersFile.Parse("# c\n\n  alice  {HA1}ABC  write,read \nbob pw\nbroken\n");
        Assert.Equal(2, users.Count);
        Assert.True(users["alice"].CanWrite);
        Assert.False(users["bob"].CanRead);
        var ha1 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("carol:Ganeti Remote API:pw"u8.ToArray()));
        var carol = new Auth.RapiUser("carol", "{ha1}" + ha1.ToUpperInvariant(), new HashSet<string>());
        Assert.True(Auth.UsersFile.PasswordMatches(carol, "pw"));
        Assert.False(Auth.UsersFile.PasswordMatches(carol, "PW"));
        Assert.False(Auth.UsersFile.PasswordMatches(new Auth.RapiUser("d", "{SHA}x", new HashSet<string>()), "x"));
    }
}
