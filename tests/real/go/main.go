// A Go program for tests/real/cases/go-runtime.sh, built for the host (amd64, run natively)
// and for arm64 (run under ferry): goroutines over several threads, channels, select with
// timers, an HTTP server and client on loopback, os/exec of itself, signal.Notify, runtime.GC,
// async preemption (SIGURG) of a loop without calls, and a nil dereference (SIGSEGV) turned
// into a panic that recover catches.  Every line it prints is the same on both.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func workers() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				s := 0
				for i := 0; i < j*1000; i++ {
					s += i % 7
				}
				results <- s
			}
		}()
	}
	for j := 1; j <= 100; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("workers: total", total)
}

func selects() {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	done := time.After(60 * time.Millisecond)
	data := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			data <- i
		}
	}()
	got, ticks := 0, 0
	for {
		select {
		case <-data:
			got++
		case <-tick.C:
			ticks++
		case <-done:
			fmt.Println("select: data", got, "ticks>2", ticks > 2)
			return
		}
	}
}

func httpRoundTrip() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s", r.URL.Query().Get("name"))
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	var wg sync.WaitGroup
	bodies := make([]string, 4)
	for i := range bodies {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := http.Get(fmt.Sprintf("http://%s/hello?name=g%d", ln.Addr(), i))
			if err != nil {
				bodies[i] = err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			bodies[i] = fmt.Sprintf("%d %s", resp.StatusCode, b)
		}(i)
	}
	wg.Wait()
	srv.Close()
	sort.Strings(bodies)
	fmt.Println("http:", bodies)
}

func execSelf() {
	out, err := exec.Command(os.Args[0], "child", "a b").Output()
	fmt.Printf("exec: %q %v\n", out, err)
}

func signals() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	select {
	case s := <-c:
		fmt.Println("signal:", s)
	case <-time.After(5 * time.Second):
		fmt.Println("signal: none")
	}
	signal.Stop(c)
}

func gc() {
	var keep [][]byte
	for i := 0; i < 2000; i++ {
		b := make([]byte, 4096+i)
		b[0] = byte(i)
		if i%100 == 0 {
			keep = append(keep, b)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("gc: ran", ms.NumGC > before, "kept", len(keep))
}

//go:noinline
func spin(stop *int32) int {
	n := 0
	for atomic.LoadInt32(stop) == 0 {
		n++
	}
	return n
}

func preempt() {
	old := runtime.GOMAXPROCS(1)
	var stop int32
	done := make(chan bool)
	go func() {
		spin(&stop)
		done <- true
	}()
	runtime.Gosched()
	// With one P the loop above runs until the runtime preempts it (SIGURG).
	time.Sleep(20 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	<-done
	runtime.GOMAXPROCS(old)
	fmt.Println("preempt: the spinning goroutine was preempted")
}

type point struct{ x, y int }

func nilDeref() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	var p *point
	return fmt.Sprint(p.y)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		fmt.Printf("child got %q\n", os.Args[2])
		os.Exit(3 - 3)
	}
	workers()
	selects()
	httpRoundTrip()
	execSelf()
	signals()
	gc()
	preempt()
	fmt.Println("recover:", nilDeref())
}
