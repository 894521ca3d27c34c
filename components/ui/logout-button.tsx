/** "退出登录": a POST to /logout (a link would let any page sign the reader out). */
export function LogoutButton({ label, className }: { label: string; className: string }) {
  return (
    <form action="/logout" method="post">
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
