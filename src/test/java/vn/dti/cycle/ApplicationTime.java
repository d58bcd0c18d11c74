package vn.dti.cycle;

import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.bean.BeanInfo;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.bean.ParameterInfo;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.ClassUtils;
import vn.dti.assessment.AssessmentService;
import vn.dti.publication.PublicationService;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.TaskInbox;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The benchmark's stopwatch on the application's own code: every job worker method ({@code *Workers}) and every public
 * method of the services the benchmark calls, as calls and nanoseconds per method. A thread's nested calls (a worker
 * calling a service) are inside its outermost call and are not counted again. Two things inside those calls are not
 * the application's work and are taken out of its time: waiting for the engine to answer a command
 * ({@link ProcessEngine}), and the benchmark's own polling for the state it waits for. Besides the sum over threads
 * it keeps the wall time during which at least one thread was inside the application, which is what can be set
 * against the run's wall time. Registered by the benchmark only: never a component, so no test context picks it up.
 * <p>
 * The services are wrapped in a proxy; the workers are not, since the Camunda starter reads their annotations and
 * parameter names from the bean's class, which a proxy's class no longer has: their invocation is wrapped instead,
 * through the starter's own hook for adjusting a job worker before it opens.
 */
final class ApplicationTime extends AbstractBeanFactoryAwareAdvisingPostProcessor implements JobWorkerValueCustomizer {

    private static final List<Class<?>> SERVICES = List.of(CycleService.class, AssessmentService.class,
            PublicationService.class, TaskInbox.class, EngineClock.class);
    static final String POLLING = "polling by the benchmark";

    private final ThreadLocal<Nesting> nesting = ThreadLocal.withInitial(Nesting::new);
    private final Map<String, Figures> methods = new ConcurrentHashMap<>();
    private final Map<String, Figures> outside = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private int running;
    private long busySince;
    private long busyNanos;

    /** Where a thread is: how deep in timed calls, and how long its outermost call has spent outside the application. */
    private static final class Nesting {
        int depth;
        long outsideNanos;
    }

    private record Figures(LongAdder calls, LongAdder nanos) {
        Figures() {
            this(new LongAdder(), new LongAdder());
        }
    }

    record MethodTime(String method, long calls, long nanos) {
    }

    ApplicationTime() {
        // Outermost: a transactional service's commit is part of the application's time.
        setBeforeExistingAdvisors(true);
        setProxyTargetClass(true);
        this.advisor = new DefaultPointcutAdvisor(new TimedMethods(), (MethodInterceptor) this::time);
    }

    @Override
    public void customize(JobWorkerValue worker) {
        worker.setMethodInfo(new TimedWorker(worker.getMethodInfo()));
    }

    /** Forgets what start-up did: the run is measured from here. */
    void reset() {
        methods.clear();
        outside.clear();
        synchronized (lock) {
            busyNanos = 0;
            busySince = System.nanoTime();
        }
    }

    /** The benchmark looking at the state it waits for: not the application's work, though it runs its code. */
    <T> T polling(Supplier<T> probe) {
        try {
            return outside(POLLING, probe::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wall time during which at least one thread was in the application's code. */
    long busyNanos() {
        synchronized (lock) {
            return running > 0 ? busyNanos + System.nanoTime() - busySince : busyNanos;
        }
    }

    /** Outermost calls of every timed method, their time outside the application taken out, the costliest first. */
    List<MethodTime> byMethod() {
        return sorted(methods);
    }

    /** The engine commands the application waited for, and the benchmark's polling, the costliest first. */
    List<MethodTime> outsideTheApplication() {
        return sorted(outside);
    }

    private static List<MethodTime> sorted(Map<String, Figures> figures) {
        return figures.entrySet().stream()
                .map(e -> new MethodTime(e.getKey(), e.getValue().calls().sum(), e.getValue().nanos().sum()))
                .sorted(Comparator.comparingLong(MethodTime::nanos).reversed())
                .toList();
    }

    private Object time(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Class<?> type = target == null ? invocation.getMethod().getDeclaringClass() : ClassUtils.getUserClass(target);
        String name = type.getSimpleName() + "." + invocation.getMethod().getName();
        return ProcessEngine.class.isAssignableFrom(type) ? outside(name, invocation::proceed)
                : time(name, invocation::proceed);
    }

    private interface Call {
        Object proceed() throws Throwable;
    }

    private <T> T time(String name, Call call) throws Throwable {
        Nesting thread = nesting.get();
        if (thread.depth++ > 0) {
            try {
                return proceed(call);
            } finally {
                thread.depth--;
            }
        }
        thread.outsideNanos = 0;
        long start = System.nanoTime();
        enter(start);
        try {
            return proceed(call);
        } finally {
            long end = System.nanoTime();
            leave(end);
            thread.depth--;
            add(methods, name, end - start - thread.outsideNanos);
        }
    }

    /** Time in {@code call} stops the application's clock of this thread; nothing called inside starts it again. */
    private <T> T outside(String name, Call call) throws Throwable {
        Nesting thread = nesting.get();
        boolean inside = thread.depth++ > 0;
        long start = System.nanoTime();
        if (inside) {
            leave(start);
        }
        try {
            return proceed(call);
        } finally {
            long end = System.nanoTime();
            if (inside) {
                enter(end);
                thread.outsideNanos += end - start;
            }
            thread.depth--;
            add(outside, name, end - start);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proceed(Call call) throws Throwable {
        return (T) call.proceed();
    }

    private static void add(Map<String, Figures> figures, String name, long nanos) {
        Figures each = figures.computeIfAbsent(name, k -> new Figures());
        each.calls().increment();
        each.nanos().add(nanos);
    }

    private void enter(long at) {
        synchronized (lock) {
            if (running++ == 0) {
                busySince = at;
            }
        }
    }

    private void leave(long at) {
        synchronized (lock) {
            if (--running == 0) {
                busyNanos += at - busySince;
            }
        }
    }

    static boolean isWorker(String method) {
        return method.substring(0, method.indexOf('.')).endsWith("Workers");
    }

    /** A job worker method as the starter invokes it, timed; everything else as the starter found it. */
    private final class TimedWorker implements MethodInfo {

        private final MethodInfo worker;

        TimedWorker(MethodInfo worker) {
            this.worker = worker;
        }

        @Override
        public Object invoke(Object... args) throws Exception {
            try {
                return time(worker.getMethod().getDeclaringClass().getSimpleName() + "." + worker.getMethodName(),
                        () -> worker.invoke(args));
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public BeanInfo getBeanInfo() {
            return worker.getBeanInfo();
        }

        @Override
        public Method getMethod() {
            return worker.getMethod();
        }

        @Override
        public List<ParameterInfo> getParameters() {
            return worker.getParameters();
        }

        @Override
        public <T extends Annotation> Optional<T> getAnnotation(Class<T> type) {
            return worker.getAnnotation(type);
        }

        @Override
        public List<ParameterInfo> getParametersFilteredByAnnotation(Class<? extends Annotation> type) {
            return worker.getParametersFilteredByAnnotation(type);
        }
    }

    private static final class TimedMethods extends StaticMethodMatcherPointcut {

        TimedMethods() {
            setClassFilter(type -> ProcessEngine.class.isAssignableFrom(type)
                    || SERVICES.stream().anyMatch(service -> service.isAssignableFrom(type)));
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class;
        }
    }
}
