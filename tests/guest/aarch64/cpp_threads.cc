// cflags: -O2 -pthread
/* C++ runtime features, statically linked: RTTI (typeid, dynamic_cast, exceptions caught by
 * base class), exceptions thrown in std::thread workers and carried back through
 * std::exception_ptr / std::future, std::mutex + std::condition_variable, std::atomic,
 * thread_local with constructors and destructors, std::call_once. Output is deterministic. */
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <typeinfo>
#include <vector>

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
};
struct Square : Shape {
    double s;
    explicit Square(double v) : s(v) {}
    double area() const override { return s * s; }
};
struct Circle : Shape {
    double r;
    explicit Circle(double v) : r(v) {}
    double area() const override { return 3.0 * r * r; }
};

struct AppError : std::runtime_error {
    int code;
    AppError(const std::string &m, int c) : std::runtime_error(m), code(c) {}
};

static std::atomic<int> live_tls{0};
struct Tracker {
    int id = 0;
    Tracker() { live_tls.fetch_add(1); }
    ~Tracker() { live_tls.fetch_sub(1); }
};
static thread_local Tracker tls_tracker;

static void rtti(void)
{
    std::vector<std::unique_ptr<Shape>> v;
    v.emplace_back(new Square(2));
    v.emplace_back(new Circle(1));
    v.emplace_back(new Square(3));
    int squares = 0;
    double total = 0;
    for (auto &p : v) {
        if (dynamic_cast<Square *>(p.get()))
            squares++;
        total += p->area();
    }
    std::printf("rtti: %d squares, total area %.1f, same type %d, name differs %d\n", squares,
                total, typeid(*v[0]) == typeid(*v[2]), typeid(*v[0]) != typeid(*v[1]));
    try {
        Shape &s = *v[1];
        (void)dynamic_cast<Square &>(s);
    } catch (const std::bad_cast &) {
        std::printf("rtti: bad_cast caught\n");
    }
}

static int worker(int n)
{
    tls_tracker.id = n;
    if (n % 3 == 0)
        throw AppError("worker " + std::to_string(n) + " failed", n);
    return n * n;
}

static void futures(void)
{
    std::vector<std::future<int>> fs;
    for (int i = 1; i <= 6; i++)
        fs.push_back(std::async(std::launch::async, worker, i));
    int sum = 0, errors = 0;
    for (auto &f : fs) {
        try {
            sum += f.get();
        } catch (const std::runtime_error &e) {
            const AppError *ae = dynamic_cast<const AppError *>(&e);
            std::printf("future: %s (code %d)\n", e.what(), ae ? ae->code : -1);
            errors++;
        }
    }
    std::printf("future: sum %d, %d errors\n", sum, errors);
}

static void exception_ptr_across_threads(void)
{
    std::exception_ptr ep;
    std::thread t([&ep] {
        try {
            throw std::out_of_range("index 7");
        } catch (...) {
            ep = std::current_exception();
        }
    });
    t.join();
    try {
        std::rethrow_exception(ep);
    } catch (const std::logic_error &e) {
        std::printf("exception_ptr: %s\n", e.what());
    }
}

static void producer_consumer(void)
{
    std::mutex mu;
    std::condition_variable cv;
    std::vector<int> queue;
    bool done = false;
    long consumed = 0;
    std::thread consumer([&] {
        std::unique_lock<std::mutex> lk(mu);
        for (;;) {
            cv.wait(lk, [&] { return !queue.empty() || done; });
            while (!queue.empty()) {
                consumed += queue.back();
                queue.pop_back();
            }
            if (done)
                break;
        }
    });
    std::vector<std::thread> producers;
    for (int p = 0; p < 4; p++)
        producers.emplace_back([&, p] {
            for (int i = 1; i <= 1000; i++) {
                std::lock_guard<std::mutex> g(mu);
                queue.push_back(i * (p + 1));
                cv.notify_one();
            }
        });
    for (auto &t : producers)
        t.join();
    {
        std::lock_guard<std::mutex> g(mu);
        done = true;
    }
    cv.notify_one();
    consumer.join();
    std::printf("condvar: consumed %ld\n", consumed);
}

static void atomics_and_once(void)
{
    std::atomic<long> counter{0};
    std::atomic<int> max_seen{0};
    std::once_flag once;
    int once_runs = 0;
    std::vector<std::thread> ts;
    for (int t = 0; t < 6; t++)
        ts.emplace_back([&, t] {
            std::call_once(once, [&] { once_runs++; });
            for (int i = 0; i < 20000; i++)
                counter.fetch_add(1, std::memory_order_relaxed);
            int cur = max_seen.load();
            while (cur < t && !max_seen.compare_exchange_weak(cur, t)) {
            }
        });
    for (auto &t : ts)
        t.join();
    std::printf("atomic: counter %ld, max %d, call_once ran %d\n", counter.load(), max_seen.load(),
                once_runs);
}

int main(void)
{
    rtti();
    futures();
    exception_ptr_across_threads();
    producer_consumer();
    atomics_and_once();
    tls_tracker.id = 1;
    std::printf("thread_local: %d live after joins\n", live_tls.load());
    return 0;
}
