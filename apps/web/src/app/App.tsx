import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AccountDeletedPage } from '../features/account/AccountDeletedPage';
import { AccountPage } from '../features/account/AccountPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { FairPage } from '../features/fair/FairPage';
import { JoinPage } from '../features/join/JoinPage';
import { MyFairsPage } from '../features/my-fairs/MyFairsPage';
import { ManagePage } from '../features/organiser/ManagePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccount } from './RequireAccount';
import { RouteLoading } from './RouteLoading';

// The live fair (and Socket.IO with it) is downloaded only by those who enter it.
const LiveLayout = lazy(() =>
  import('../features/live/LiveLayout').then((module) => ({ default: module.LiveLayout })),
);
const LobbyPage = lazy(() =>
  import('../features/live/LobbyPage').then((module) => ({ default: module.LobbyPage })),
);
const RoomPage = lazy(() =>
  import('../features/live/RoomPage').then((module) => ({ default: module.RoomPage })),
);
const ContactsPage = lazy(() =>
  import('../features/contacts/ContactsPage').then((module) => ({ default: module.ContactsPage })),
);
const DashboardPage = lazy(() =>
  import('../features/moderation/DashboardPage').then((module) => ({
    default: module.DashboardPage,
  })),
);
// The report's charts are a large download that only organisers need.
const ReportPage = lazy(() =>
  import('../features/report/ReportPage').then((module) => ({ default: module.ReportPage })),
);

/** A lazily loaded page, with a loading note while its code arrives. */
function Loaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<RouteLoading />}>{children}</Suspense>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/join/:code" element={<JoinPage />} />
          <Route path="/account/deleted" element={<AccountDeletedPage />} />
          <Route element={<RequireAccount />}>
            <Route index element={<MyFairsPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/fairs/:fairId" element={<FairPage />} />
            <Route path="/fairs/:fairId/manage" element={<ManagePage />} />
            <Route
              path="/fairs/:fairId/manage/report"
              element={
                <Loaded>
                  <ReportPage />
                </Loaded>
              }
            />
            {/* The live dashboard shares the live fair's frame and connection. */}
            <Route
              path="/fairs/:fairId/manage/live"
              element={
                <Loaded>
                  <LiveLayout />
                </Loaded>
              }
            >
              <Route
                index
                element={
                  <Loaded>
                    <DashboardPage />
                  </Loaded>
                }
              />
            </Route>
            <Route
              path="/fairs/:fairId/contacts"
              element={
                <Loaded>
                  <ContactsPage />
                </Loaded>
              }
            />
            <Route
              path="/fairs/:fairId/live"
              element={
                <Loaded>
                  <LiveLayout />
                </Loaded>
              }
            >
              <Route
                index
                element={
                  <Loaded>
                    <LobbyPage />
                  </Loaded>
                }
              />
              <Route
                path="rooms/:roomId"
                element={
                  <Loaded>
                    <RoomPage />
                  </Loaded>
                }
              />
              <Route
                path="contacts"
                element={
                  <Loaded>
                    <ContactsPage live />
                  </Loaded>
                }
              />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
