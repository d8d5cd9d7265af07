using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>
/// Hostile input gets Ganeti's errors, never a 500 or a wrong stored value (issue: hostile input never corrupts
/// the reference server's state, items 3, 5, 6 and 7). Where real Ganeti 3.0.2 was asked, its answer is quoted.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task An_oversized_string_is_refused_at_submission_and_nothing_is_created()
    {
        await using var f = await ServerFixture.StartAsync();
        var name = new string('g', 4 * 1024 * 1024 - 64);
        var a = await f.SendAsync(HttpMethod.Post, "/2/groups", "admin", $$"""{"group_name":"{{name}}"}""");
        Assert.Equal(400, a.Status);
        Assert.Contains($"at most {ServerLimits.MaxStringLength}", a.Json!["message"]!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ggggggggg", (await f.GetAsync("/2/groups")).Body, StringComparison.Ordinal);
        // At the limit it is still taken.
        var ok = await f.SendAsync(HttpMethod.Post, "/2/groups", "admin", $$"""{"group_name":"{{new string('h', ServerLimits.MaxStringLength)}}"}""");
        Assert.Equal(200, ok.Status);
    }

    [Theory]
    [InlineData("9223372036854775808", "is not a valid size")]  // 2^63
    [InlineData("1e400", "(value inf) is not a valid size")]   // Python's json: float inf
    public async Task A_size_beyond_64_bits_or_infinite_fails_the_job_and_stores_nothing(string number, string expected)
    {
        await using var f = await ServerFixture.StartAsync();
        var before = (await f.GetAsync("/2/instances/inst1.ganeti.test")).Json!["beparams"]!.ToJsonString();
        var id = await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", "{\"beparams\":{\"maxmem\":" + number + "}}");
        var job = await f.WaitForJobAsync(id);
        Assert.Equal("error", job["status"]!.ToString());
        Assert.Contains(expected, job["opresult"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, (await f.GetAsync("/2/instances/inst1.ganeti.test")).Json!["beparams"]!.ToJsonString());
    }

    [Fact]
    public async Task Exact_64_bit_integers_keep_every_digit()
    {
        await using var f = await ServerFixture.StartAsync();
        // 2^53 + 1 is not a double; a conversion through double would store 9007199254740992.
        var created = await f.SendAsync(HttpMethod.Post, "/2/filters", "admin", "{\"priority\":9007199254740993}");
        Assert.Equal(200, created.Status);
        Assert.Contains("\"priority\": 9007199254740993", (await f.GetAsync($"/2/filters/{created.Json!.GetValue<string>()}", "reader")).Body.Replace("\"priority\":", "\"priority\": ", StringComparison.Ordinal).Replace(":  ", ": ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    public async Task An_opcode_integer_given_as_a_float_or_beyond_64_bits_fails_validation(string number)
    {
        await using var f = await ServerFixture.StartAsync();
        var a = await f.SendAsync(HttpMethod.Put, "/2/modify", "admin", $$"""{"candidate_pool_size":{{number}}}""");
        Assert.Equal(400, a.Status);
        Assert.Contains("OP_CLUSTER_SET_PARAMS.candidate_pool_size' fails validation", a.Json!["message"]!.ToString().Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("1e400", (await f.GetAsync("/2/info")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_ids_beyond_64_bits_wrap_as_on_Ganeti_instead_of_500()
    {
        await using var f = await ServerFixture.StartAsync();
        // Real Ganeti 3.0.2: GET → 200 {"id": 200376420520689663, "ops": null, ...}; DELETE → [false, "Job 200376420520689663 not found in queue"].
        var get = await f.GetAsync("/2/jobs/99999999999999999999999", "reader");
        Assert.Equal(200, get.Status);
        Assert.Equal(200376420520689663L, get.Json!["id"]!.GetValue<long>());
        var delete = await f.SendAsync(HttpMethod.Delete, "/2/jobs/99999999999999999999999", "admin");
        Assert.Equal(200, delete.Status);
        Assert.Equal("""[false,"Job 200376420520689663 not found in queue"]""", delete.Json!.ToJsonString());
    }

    [Fact]
    public async Task A_disk_index_beyond_64_bits_fails_validation_as_on_Ganeti()
    {
        await using var f = await ServerFixture.StartAsync();
        // Real Ganeti 3.0.2: 400 Invalid body parameters: ("Parameter 'OP_INSTANCE_GROW_DISK.disk' fails validation", 'wrong_input').
        var a = await f.SendAsync(HttpMethod.Post, "/2/instances/inst1.ganeti.test/disk/99999999999999999999/grow", "admin", """{"amount":1024}""");
        Assert.Equal(400, a.Status);
        Assert.Contains("OP_INSTANCE_GROW_DISK.disk", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_regex_that_does_not_compile_gets_Ganetis_502_not_500()
    {
        await using var f = await ServerFixture.StartAsync();
        var a = await f.SendAsync(HttpMethod.Put, "/2/query/instance", "reader", """{"fields":["name"],"qfilter":["=~","name","["]}""");
        Assert.Equal(502, a.Status);
        Assert.StartsWith("Failed to parse request: Cannot convert value &#x27;[&quot;instance&quot;, [&quot;name&quot;], [&quot;=~&quot;, &quot;name&quot;, &quot;[&quot;]]&#x27;, error: ",
            a.Json!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catastrophic_regex_answers_at_once_and_still_matches_correctly()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.SubmitAsync(HttpMethod.Post, "/2/groups", $$"""{"group_name":"{{new string('a', 40)}}!"}""");
        Assert.Equal("success", (await f.WaitForJobAsync(id))["status"]!.ToString());
        var clock = Stopwatch.StartNew();
        var a = await f.SendAsync(HttpMethod.Put, "/2/query/group", "reader", """{"fields":["name"],"qfilter":["=~","name","^(a+)+$"]}""");
        clock.Stop();
        Assert.Equal(200, a.Status);
        Assert.Equal(0, ((JsonArray)a.Json!["data"]!).Count);
        // A backtracking engine needs 2^40 steps here (500 after a 1 s time-out before); linear matching is immediate.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        var b = await f.SendAsync(HttpMethod.Put, "/2/query/group", "reader", """{"fields":["name"],"qfilter":["=~","name","^a+!$"]}""");
        Assert.Equal(1, ((JsonArray)b.Json!["data"]!).Count);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_body_is_refused_not_stored_as_replacement_characters()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/2/groups");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:adminpw")));
        request.Content = new ByteArrayContent([.. "{\"group_name\":\"x"u8, 0xff, 0xfe, .. "\"}"u8]);
        request.Content.Headers.ContentType = new("application/json");
        using var response = await f.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"code\":400", (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\ufffd", (await f.GetAsync("/2/groups")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_chunk_framing_gets_a_400_with_Ganetis_error_body_not_500()
    {
        await using var f = await ServerFixture.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(f.Server.BaseUri.Host, f.Server.BaseUri.Port);
        var stream = tcp.GetStream();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:adminpw"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /2/groups HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic {auth}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"));
        stream.ReadTimeout = 10_000;
        var buffer = new byte[8192];
        var text = new StringBuilder();
        int n;
        while ((n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10))) > 0) text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        var answer = text.ToString();
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":400", answer.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_slower_than_the_minimum_rate_gets_a_4xx_with_Ganetis_error_body_not_500()
    {
        await using var f = await ServerFixture.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(f.Server.BaseUri.Host, f.Server.BaseUri.Port);
        var stream = tcp.GetStream();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:adminpw"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /2/groups HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic {auth}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{{"));
        // One byte a second: far below Kestrel's 240 bytes/s after its 5 s grace; bounded at 20 s.
        var text = new StringBuilder();
        var buffer = new byte[8192];
        var read = stream.ReadAsync(buffer).AsTask();
        for (var i = 0; i < 20 && !read.IsCompleted; i++)
        {
            await Task.WhenAny(read, Task.Delay(1000));
            if (read.IsCompleted) break;
            try
            {
                await stream.WriteAsync(" "u8.ToArray());
            }
            catch (IOException)
            {
                break;
            }
        }
        int n;
        try
        {
            n = await read.WaitAsync(TimeSpan.FromSeconds(5));
            while (n > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (IOException)
        {
        }
        var answer = text.ToString();
        Assert.Matches("^HTTP/1.1 4[0-9][0-9] ", answer);
        Assert.Contains("\"explain\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("g1", (await f.GetAsync("/2/groups")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_smuggled_behind_Content_Length_and_chunked_never_writes()
    {
        await using var f = await ServerFixture.StartAsync();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:adminpw"));
        // Content-Length would cover the whole tail; chunked (which wins) ends the body at "0": the tail is then a
        // request of its own, without credentials, and must be refused like any other.
        const string tail = "0\r\n\r\nPUT /2/tags?tag=smuggled HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(f.Server.BaseUri.Host, f.Server.BaseUri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"PUT /2/tags?tag=front HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {auth}\r\nContent-Length: {tail.Length}\r\nTransfer-Encoding: chunked\r\n\r\n{tail}"));
        var buffer = new byte[16384];
        var text = new StringBuilder();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0) text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        var answers = text.ToString();
        Assert.DoesNotContain("HTTP/1.1 500", answers, StringComparison.Ordinal);
        // The ambiguous framing is refused outright (400), or the tail is read as its own request and refused (401), or
        // (Kestrel's way) the front request is answered with "Connection: close" and the connection closed, so the tail
        // is never read as a request at all.
        var answerCount = answers.Split("HTTP/1.1 ").Length - 1;
        Assert.True(
            answers.Contains("HTTP/1.1 400", StringComparison.Ordinal)
            || answers.Contains("HTTP/1.1 401", StringComparison.Ordinal)
            || (answerCount == 1 && answers.Contains("Connection: close", StringComparison.OrdinalIgnoreCase)),
            answers);
        await Task.Delay(500);
        var jobs = (await f.GetAsync("/2/jobs?bulk=1", "reader")).Body;
        Assert.DoesNotContain("smuggled", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("smuggled", (await f.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
    }
}
